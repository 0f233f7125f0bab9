docker exec postgres_primary psql -U user -d postgres -AtX -c "ALTER SYSTEM SET synchronous_commit = 'remote_apply';" -c 'SELECT pg_reload_conf();'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "Margaret Hamilton" }).acknowledged'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.countDocuments({ username: "Margaret Hamilton" })'
docker exec postgres_primary psql -U user -d postgres -AtX -c 'ALTER SYSTEM RESET synchronous_commit;' -c 'SELECT pg_reload_conf();'
