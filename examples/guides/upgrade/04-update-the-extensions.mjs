#!/usr/bin/env zx
// With both servers on the new binary, the schema follows: ALTER EXTENSION on the primary only (a
// replica is read-only; it replays the update from the WAL like any other change). documentdb_core
// first, since documentdb depends on it. Safe to run twice: an extension already at its newest
// version is left as it is, with a notice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_primary psql -U user -d postgres -c 'ALTER EXTENSION documentdb_core UPDATE' -c 'ALTER EXTENSION documentdb UPDATE'`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT extversion FROM pg_extension WHERE extname = 'documentdb'")" = 0.106-0 ]; do sleep 1; done`;
await $`for server in postgres_primary postgres_replica; do docker exec $server psql -U user -d postgres -AtXc "SELECT '$server: ' || string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) || '; binary ' || documentdb_api.binary_extended_version() FROM pg_extension WHERE extname LIKE 'documentdb%'"; done`;
// :snippet-end:
