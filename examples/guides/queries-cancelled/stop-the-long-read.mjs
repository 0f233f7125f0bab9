#!/usr/bin/env zx
// The read that outlived the vacuum in the step before is still running: stop it, and read what it
// printed. It ends cancelled by request, not by a conflict with recovery.
// Run again, it cancels nothing and finds no log: cat says so and fails, and nothing else changes.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica psql -U user -d postgres -AtXc ${"SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active';"}`;
await $`until [ ! -e long-read.log ] || grep -q '^the read exited' long-read.log; do sleep 1; done`;
await $`cat long-read.log && rm long-read.log`;
// :snippet-end:
