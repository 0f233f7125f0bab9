docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_wal_replay_pause();'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "Katherine Johnson" }).acknowledged'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.countDocuments({ username: "Katherine Johnson" })'
docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_wal_replay_resume();'
