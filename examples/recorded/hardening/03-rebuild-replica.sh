docker compose --progress quiet stop postgres_replica
docker exec postgres_primary sh -c 'rm -rf /tmp/replica_backup/*'
docker exec -e PGPASSWORD="$REPLICATION_PASSWORD" postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast
docker compose --progress quiet start postgres_replica
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.countDocuments()'
