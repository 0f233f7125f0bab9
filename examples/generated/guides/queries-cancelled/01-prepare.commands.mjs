const orders =
  'db.orders.insertMany(Array.from({ length: 3000 }, (_, n) => ({ n, status: "placed" }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${orders}`;

// -AtX: only the values, here the command's tag and the reload's `t`.
const delay = "ALTER SYSTEM SET max_standby_streaming_delay = '5s';";
await $`docker exec postgres_replica psql -U user -d postgres -AtX -c ${delay} -c ${'SELECT pg_reload_conf();'}`;
