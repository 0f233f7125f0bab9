const orders =
  'db.orders.insertMany(Array.from({ length: 1000 }, (_, n) => ({ n, status: n % 2 ? "paid" : "shipped" }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${orders}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.orders.createIndex({ status: 1 })'}`;
// The last moment the data was right: what a restore goes back to.
await $`date -u +'%Y-%m-%d %H:%M:%S.%6N+00' > restore-target`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.orders.insertOne({ n: 1000, status: "written after the target" }).acknowledged'}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.orders.drop()'}`;
// The segment holding the drop, archived: a restore needs WAL past its target.
await $`seg=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_walfile_name(pg_switch_wal())')
until docker exec postgres_primary test -f "/var/lib/postgresql/archive/wal/$seg"; do sleep 1; done`;
