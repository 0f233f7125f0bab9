docker compose --progress quiet restart postgres_primary
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_replica psql -U user -d postgres -P footer=off -c 'SELECT status, sender_host FROM pg_stat_wal_receiver;'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged'
lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.countDocuments()'
