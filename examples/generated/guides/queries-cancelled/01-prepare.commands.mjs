const orders =
  'db.orders.insertMany(Array.from({ length: 3000 }, (_, n) => ({ n, status: "placed" }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${orders}`;

const replica = (sql) => $`docker exec postgres_replica psql -U user -d postgres -c ${sql}`;
await replica("ALTER SYSTEM SET max_standby_streaming_delay = '5s';");
await replica('SELECT pg_reload_conf();');
