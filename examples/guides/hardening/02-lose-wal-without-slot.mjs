#!/usr/bin/env zx
// Without a replication slot, a stopped replica loses the WAL it needs and cannot catch up.
// Not safe to run twice: the second run finds the replica broken already, and inserts 100 more documents.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const noKeep = 'ALTER SYSTEM SET wal_keep_size = 0;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${noKeep} -c ${'SELECT pg_reload_conf();'}`;
await $`docker compose stop postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT pg_switch_wal();'} -c ${'CHECKPOINT;'}`;

await $`docker compose start postgres_replica`;
await $`until docker logs postgres_replica 2>&1 | grep -q 'has already been removed'; do sleep 1; done`;
// uniq, not grep -m1: grep stopping early would kill docker logs with SIGPIPE, a failed pipeline.
await $`docker logs postgres_replica 2>&1 | grep -o ${'requested WAL segment .* has already been removed'} | uniq`;

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
// :snippet-end:
