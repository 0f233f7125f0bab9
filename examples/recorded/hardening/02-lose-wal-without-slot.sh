docker exec postgres_primary psql -U user -d postgres -AtX -c 'ALTER SYSTEM SET wal_keep_size = 0;' -c 'SELECT pg_reload_conf();'
docker compose --progress quiet stop postgres_replica
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged'
docker exec postgres_primary psql -U user -d postgres -AtX -c 'SELECT pg_switch_wal();' -c 'CHECKPOINT;'
