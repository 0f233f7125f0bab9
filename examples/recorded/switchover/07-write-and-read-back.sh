mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertOne({ username: "after the switchover" }).acknowledged'
docker exec postgres_primary psql -U user -d postgres -c "SELECT count(*) FROM documentdb_api.collection('test', 'record');"
