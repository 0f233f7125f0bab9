#!/usr/bin/env zx
// Restart the primary: the replica reconnects by itself, and writes made afterwards reach it.
// Running it twice inserts 100 more documents.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';
import { caughtUp, streaming } from '../../lib/wait.mjs';

// :snippet-start: commands
await $`docker compose restart postgres_primary`;
await streaming();
const receiver = 'SELECT status, sender_host FROM pg_stat_wal_receiver;';
await $`docker exec postgres_replica psql -U user -d postgres -c ${receiver}`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await caughtUp();

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
// :snippet-end:
