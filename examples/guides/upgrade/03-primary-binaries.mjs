#!/usr/bin/env zx
// Then the primary, on the same data volume: the replica reconnects and catches up, and the
// primary's FerretDB (still 2.3.0) reconnects to it. Writes fail while the primary restarts; the
// until loop retries the write until FerretDB acknowledges it.
// Safe to run twice: compose recreates nothing the second time (but a second document is written).
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d --no-deps --wait postgres_primary`;
await $`for server in postgres_primary postgres_replica; do docker exec $server psql -U user -d postgres -AtXc "SELECT '$server: ' || string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) || '; binary ' || documentdb_api.binary_extended_version() FROM pg_extension WHERE extname LIKE 'documentdb%'"; done`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver')" = streaming ]; do sleep 1; done`;
await $`until [ "$(mongosh ${mongoUri(27017)} --quiet --eval ${'db.upgrade.insertOne({ written: "primary on the new binary" }).acknowledged'})" = true ]; do sleep 1; done`;
await $`until [ "$(mongosh ${mongoUri(27018)} --quiet --eval ${'db.upgrade.countDocuments()'})" = 3 ]; do sleep 1; done`;
// :snippet-end:
