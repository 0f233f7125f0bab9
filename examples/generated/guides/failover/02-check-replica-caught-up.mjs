#!/usr/bin/env zx
// Before a planned failover, check the replica has replayed everything the primary wrote.
// Read-only: safe to run twice.
import { $, sleep } from 'zx';
import '../../lib/guide.mjs';

// Replay takes a moment after a write; wait for it (up to 30 s) before showing the check.
const done = 'SELECT bool_and(pg_current_wal_lsn() = replay_lsn) FROM pg_stat_replication;';
for (let tries = 0; tries < 60; tries += 1) {
  const caughtUp = await $({
    quiet: true,
    verbose: false,
  })`docker exec postgres_primary psql -U user -d postgres -Atc ${done}`;
  if (caughtUp.stdout.trim() === 't') break;
  await sleep(500);
}

const caughtUp = `SELECT application_name, state, pg_current_wal_lsn() = replay_lsn AS caught_up
  FROM pg_stat_replication;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${caughtUp}`;
