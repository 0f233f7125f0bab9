docker exec postgres_primary psql -U user -d postgres -c "ALTER SYSTEM SET synchronous_commit = 'remote_apply';"
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_reload_conf();'
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertOne({ username: "Margaret Hamilton" }).acknowledged'
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.countDocuments({ username: "Margaret Hamilton" })'
docker exec postgres_primary psql -U user -d postgres -c 'ALTER SYSTEM RESET synchronous_commit;'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_reload_conf();'
