docker exec postgres_primary psql -U user -d postgres -c 'ALTER SYSTEM SET wal_keep_size = 0;' -c 'SELECT pg_reload_conf();'
docker compose stop postgres_replica
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_switch_wal();' -c 'CHECKPOINT;'
docker compose start postgres_replica
until docker logs postgres_replica 2>&1 | grep -q 'has already been removed'; do sleep 1; done
docker logs postgres_replica 2>&1 | grep -o 'requested WAL segment .* has already been removed' | uniq
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.countDocuments()'
