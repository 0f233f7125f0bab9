docker compose --progress quiet up -d --no-deps --wait postgres_replica
for server in postgres_primary postgres_replica; do docker exec $server psql -U user -d postgres -AtXc "SELECT '$server: ' || string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) || '; binary ' || documentdb_api.binary_extended_version() FROM pg_extension WHERE extname LIKE 'documentdb%'"; done
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver')" = streaming ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.upgrade.insertOne({ written: "replica on the new binary" }).acknowledged'
until [ "$(mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.upgrade.countDocuments()')" = 2 ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.orders.countDocuments()'
