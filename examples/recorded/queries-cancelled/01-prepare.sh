mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.orders.insertMany(Array.from({ length: 3000 }, (_, n) => ({ n, status: "placed" }))).acknowledged'
docker exec postgres_replica psql -U user -d postgres -AtX -c "ALTER SYSTEM SET max_standby_streaming_delay = '5s';" -c 'SELECT pg_reload_conf();'
