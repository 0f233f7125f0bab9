#!/usr/bin/env zx
// The replica is now synchronous.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const state = 'SELECT application_name, state, sync_state FROM pg_stat_replication;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${state}`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SHOW synchronous_commit;'}`;
// :snippet-end:
