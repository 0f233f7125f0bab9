#!/usr/bin/env zx
// Go back to asynchronous replication.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const reset = 'ALTER SYSTEM RESET synchronous_standby_names;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${reset}`;
await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${'SELECT pg_reload_conf();'}`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT sync_state FROM pg_stat_replication;'}`;
// :snippet-end:
