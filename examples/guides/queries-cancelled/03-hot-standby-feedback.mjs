#!/usr/bin/env zx
// hot_standby_feedback = on: the replica tells the primary which rows its queries may still need,
// and VACUUM on the primary keeps them. The same read is not cancelled; the price is dead rows
// kept on the primary for as long as the replica's oldest query runs.
// The read goes on running in the background; the next steps see it outlive the vacuum, and stop it.
// Safe to run twice once that step has run: the read runs again.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
// -AtX: only the values, here the command's tag and the reload's `t`.
await $`docker exec postgres_replica psql -U user -d postgres -AtX -c ${'ALTER SYSTEM SET hot_standby_feedback = on;'} -c ${'SELECT pg_reload_conf();'}`;

const longRead =
  'db.orders.aggregate([{ $lookup: { from: "orders", let: { n: "$n" }, pipeline: [{ $match: { $expr: { $lt: ["$n", "$$n"] } } }], as: "smaller" } }, { $unwind: "$smaller" }, { $count: "pairs" }]).toArray()';
await $`(mongosh ${mongoUri(27018)} --quiet --eval ${longRead}; echo "the read exited with $?") > long-read.log 2>&1 &`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active' AND query LIKE '%aggregate%'")" = 1 ]; do sleep 1; done`;

const update = 'db.orders.updateMany({}, { $set: { status: "delivered" } }).modifiedCount';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${update}`;
const findTable =
  "SELECT 'documentdb_data.documents_' || collection_id FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'orders'";
await $`table=$(docker exec postgres_primary psql -U user -d postgres -AtXc ${findTable})
docker exec postgres_primary psql -U user -d postgres -c "VACUUM (VERBOSE) $table;" 2>&1 | grep 'tuples:'`;
// :snippet-end:
