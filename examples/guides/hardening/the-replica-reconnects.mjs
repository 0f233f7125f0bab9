#!/usr/bin/env zx
// End the replica's connection on the primary: it reconnects from its own address, which the rule
// of step 7 admits, and streams again.
// Safe to run twice: each run ends the connection once more, and the replica reconnects again.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const reconnect = 'SELECT pg_terminate_backend(pid) FROM pg_stat_replication;';
await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${reconnect}`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT usename, state FROM pg_stat_replication;'}`;
// :snippet-end:
