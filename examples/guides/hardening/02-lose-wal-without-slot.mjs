#!/usr/bin/env zx
// Without a replication slot, the primary removes WAL that a stopped replica still needs.
// Running it twice inserts 100 more documents; the replica is already stopped.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const noKeep = 'ALTER SYSTEM SET wal_keep_size = 0;';
await $`docker exec postgres_primary psql -U user -d postgres -AtX -c ${noKeep} -c ${'SELECT pg_reload_conf();'}`;
await $`docker compose --progress quiet stop postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`docker exec postgres_primary psql -U user -d postgres -AtX -c ${'SELECT pg_switch_wal();'} -c ${'CHECKPOINT;'}`;
// :snippet-end:
