#!/usr/bin/env zx
// Once replay has gone past the vacuum of the step before, the read on the replica still runs, and
// the primary's pg_stat_replication shows the replica holding rows back (backend_xmin).
// Safe to run twice: it only reads.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;
// footer=off: no "(1 row)" under a one-row table.
await $`docker exec postgres_replica psql -U user -d postgres -P footer=off -c ${"SELECT count(*) AS reads_running FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active';"}`;
await $`docker exec postgres_primary psql -U user -d postgres -P footer=off -c ${'SELECT backend_xmin IS NOT NULL AS replica_holds_rows FROM pg_stat_replication;'}`;
// :snippet-end:
