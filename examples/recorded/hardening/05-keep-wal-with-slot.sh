docker compose --progress quiet stop postgres_replica
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged'
docker exec postgres_primary psql -U user -d postgres -AtX -c 'SELECT pg_switch_wal();' -c 'CHECKPOINT;'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT slot_name, active, wal_status FROM pg_replication_slots;'
