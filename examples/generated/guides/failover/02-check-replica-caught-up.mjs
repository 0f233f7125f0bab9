#!/usr/bin/env zx
// Before a planned failover, check the replica has replayed everything the primary wrote.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';
import { caughtUp } from '../../lib/wait.mjs';

// Replay takes a moment after a write; wait for it before showing the check.
await caughtUp();

const check = `SELECT application_name, state, pg_current_wal_lsn() = replay_lsn AS caught_up
  FROM pg_stat_replication;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${check}`;
