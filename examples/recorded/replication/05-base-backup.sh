docker exec -e PGPASSWORD="$REPLICATION_PASSWORD" postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast
docker compose --progress quiet up -d --wait postgres_replica
