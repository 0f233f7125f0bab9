docker exec -e PGPASSWORD=replicatorpassword postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast
docker compose up -d --wait postgres_replica
