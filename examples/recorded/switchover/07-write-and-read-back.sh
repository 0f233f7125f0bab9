mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "after the switchover" }).acknowledged'
lsn=$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c "SELECT count(*) FROM documentdb_api.collection('test', 'record');"
