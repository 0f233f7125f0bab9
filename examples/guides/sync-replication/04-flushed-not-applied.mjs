#!/usr/bin/env zx
// synchronous_commit = on waits for the replica to flush a write, not to apply it: with replay
// paused on the replica, the write is acknowledged and a read through the replica misses it.
// Running it twice writes a second document; the replica then shows the first one only.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_pause();'}`;

const insert = 'db.record.insertOne({ username: "Katherine Johnson" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
const count = 'db.record.countDocuments({ username: "Katherine Johnson" })';
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;

await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_resume();'}`;
// :snippet-end:
