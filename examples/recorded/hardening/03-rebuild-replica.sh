docker compose stop postgres_replica
docker exec postgres_primary sh -c 'rm -rf /tmp/replica_backup/*'
docker exec -e PGPASSWORD=replicatorpassword postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast
docker compose start postgres_replica
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.countDocuments()'
