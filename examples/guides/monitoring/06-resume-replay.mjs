#!/usr/bin/env zx
// Resume replay; the replica catches up on its own.
// Safe to run twice.
import { $, sleep } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_resume();'}`;
// :snippet-end:

// Replay of a few hundred documents takes well under a second; wait for it without printing.
const caughtUp = 'SELECT pg_current_wal_lsn() = replay_lsn FROM pg_stat_replication;';
for (let tries = 0; tries < 60; tries += 1) {
  const done = await $({
    quiet: true,
    verbose: false,
  })`docker exec postgres_primary psql -U user -d postgres -Atc ${caughtUp}`;
  if (done.stdout.trim() === 't') break;
  await sleep(500);
}
