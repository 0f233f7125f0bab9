#!/usr/bin/env zx
// Make the replica fall behind on purpose: pause replaying WAL.
// Safe to run twice: pausing a paused replica changes nothing.
import { $ } from 'zx';
import '../../lib/guide.mjs';

await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_pause();'}`;
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_get_wal_replay_pause_state();'}`;
