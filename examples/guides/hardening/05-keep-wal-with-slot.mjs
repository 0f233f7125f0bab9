#!/usr/bin/env zx
// With the slot, the primary keeps the WAL of a stopped replica: the slot is inactive, its WAL reserved.
// Running it twice inserts 100 more documents while the replica is stopped.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet stop postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`docker exec postgres_primary psql -U user -d postgres -AtX -c ${'SELECT pg_switch_wal();'} -c ${'CHECKPOINT;'}`;

const slots = 'SELECT slot_name, active, wal_status FROM pg_replication_slots;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${slots}`;
// :snippet-end:
