#!/usr/bin/env zx
// Resume replay; the replica catches up on its own.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';
import { caughtUp } from '../../lib/wait.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_resume();'}`;
// :snippet-end:

// Replay of a few hundred documents takes well under a second; wait for it without printing.
await caughtUp();
