#!/usr/bin/env zx
// A long read through the read-only FerretDB, while on the primary every order is updated and
// VACUUM removes the old versions of the rows, which the read may still need: replay on the
// replica waits max_standby_streaming_delay for the read, then cancels it.
// Running it twice cancels the read again, and counts a second conflict.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
// Each order joined with every smaller one: a read that takes minutes.
const longRead =
  'db.orders.aggregate([{ $lookup: { from: "orders", let: { n: "$n" }, pipeline: [{ $match: { $expr: { $lt: ["$n", "$$n"] } } }], as: "smaller" } }, { $unwind: "$smaller" }, { $count: "pairs" }]).toArray()';
// The read, through the read-only FerretDB, in the background: its output goes to long-read.log.
await $`(mongosh ${mongoUri(27018)} --quiet --eval ${longRead}; echo "the read exited with $?") > long-read.log 2>&1 &`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active' AND query LIKE '%aggregate%'")" = 1 ]; do sleep 1; done`;

// Meanwhile, update every order on the primary, and vacuum the collection's table.
const update = 'db.orders.updateMany({}, { $set: { status: "shipped" } }).modifiedCount';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${update}`;
const findTable =
  "SELECT 'documentdb_data.documents_' || collection_id FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'orders'";
await $`table=$(docker exec postgres_primary psql -U user -d postgres -AtXc ${findTable})
docker exec postgres_primary psql -U user -d postgres -c "VACUUM $table;"`;

await $`until grep -q '^the read exited' long-read.log; do sleep 1; done`;
await $`cat long-read.log && rm long-read.log`;
// At least one: the long read; DocumentDB's own queries can be cancelled the same way meanwhile.
const conflicts =
  "SELECT confl_snapshot > 0 AS reads_cancelled FROM pg_stat_database_conflicts WHERE datname = 'postgres';";
await $`docker exec postgres_replica psql -U user -d postgres -P footer=off -c ${conflicts}`;
// :snippet-end:
