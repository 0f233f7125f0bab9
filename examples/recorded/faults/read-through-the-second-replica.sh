mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged'
lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica2 psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
docker run -d --name ferretdb_replica2 --network ferretdb -p 27019:27017 -e FERRETDB_POSTGRESQL_URL="postgres://user:$POSTGRES_PASSWORD@postgres_replica2:5432/postgres" -e FERRETDB_TELEMETRY=disable "$(docker inspect --format '{{.Config.Image}}' ferretdb)" > /dev/null
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27019/" --quiet --eval 'db.record.countDocuments()'
