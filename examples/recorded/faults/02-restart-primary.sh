docker compose restart postgres_primary
docker exec postgres_replica psql -U user -d postgres -c 'SELECT status, sender_host FROM pg_stat_wal_receiver;'
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged'
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.countDocuments()'
