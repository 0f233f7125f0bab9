docker compose --progress quiet up -d --no-deps --wait postgres_primary
docker exec postgres_primary psql -U user -d postgres -c 'ALTER EXTENSION documentdb_core UPDATE' -c 'ALTER EXTENSION documentdb UPDATE'
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT extversion FROM pg_extension WHERE extname = 'documentdb'")" = 0.106-0 ]; do sleep 1; done
for server in postgres_primary postgres_replica; do docker exec $server psql -U user -d postgres -AtXc "SELECT '$server: ' || string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) || '; binary ' || documentdb_api.binary_extended_version() FROM pg_extension WHERE extname LIKE 'documentdb%'"; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.orders.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.orders.countDocuments()'
