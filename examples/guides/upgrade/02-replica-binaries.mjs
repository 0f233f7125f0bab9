#!/usr/bin/env zx
// The replica first: recreated from the new image (compose.yaml alone names it) on the same data
// volume. It loads DocumentDB 0.106's binary over the 0.104 schema it replays, and keeps streaming.
// Safe to run twice: compose recreates nothing the second time (but a second document is written).
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d --no-deps --wait postgres_replica`;
await $`for server in postgres_primary postgres_replica; do docker exec $server psql -U user -d postgres -AtXc "SELECT '$server: ' || string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) || '; binary ' || documentdb_api.binary_extended_version() FROM pg_extension WHERE extname LIKE 'documentdb%'"; done`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver')" = streaming ]; do sleep 1; done`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.upgrade.insertOne({ written: "replica on the new binary" }).acknowledged'}`;
await $`until [ "$(mongosh ${mongoUri(27018)} --quiet --eval ${'db.upgrade.countDocuments()'})" = 2 ]; do sleep 1; done`;
// A collection that does not exist yet: the read the wrong order breaks (step 7).
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.orders.countDocuments()'}`;
// :snippet-end:
