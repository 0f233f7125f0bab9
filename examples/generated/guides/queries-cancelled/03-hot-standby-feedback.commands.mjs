const replica = (sql) => $`docker exec postgres_replica psql -U user -d postgres -c ${sql}`;
await replica('ALTER SYSTEM SET hot_standby_feedback = on;');
await replica('SELECT pg_reload_conf();');

const longRead =
  'db.orders.aggregate([{ $lookup: { from: "orders", let: { n: "$n" }, pipeline: [{ $match: { $expr: { $lt: ["$n", "$$n"] } } }], as: "smaller" } }, { $unwind: "$smaller" }, { $count: "pairs" }]).toArray()';
const read = $`mongosh ${mongoUri(27018)} --quiet --eval ${longRead}`.nothrow();
await queryRunning('postgres_replica', 'aggregate');

const update = 'db.orders.updateMany({}, { $set: { status: "delivered" } }).modifiedCount';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${update}`;
const findTable =
  "SELECT 'documentdb_data.documents_' || collection_id FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'orders'";
await $`table=$(docker exec postgres_primary psql -U user -d postgres -AtXc ${findTable})
docker exec postgres_primary psql -U user -d postgres -c "VACUUM (VERBOSE) $table;" 2>&1 | grep 'tuples:'`;
// Replay has gone past the vacuum, and the read still runs.
await caughtUp();
await replica(
  "SELECT count(*) AS reads_running FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active';",
);
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT backend_xmin IS NOT NULL AS replica_holds_rows FROM pg_stat_replication;'}`;

// Rather than wait minutes for it, stop the read.
await replica(
  "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active';",
);
await read;
