#!/usr/bin/env zx
// The primary's view of replication.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_primary psql -U user -d postgres -x -c ${'SELECT * FROM pg_stat_replication;'}`;
// :snippet-end:
