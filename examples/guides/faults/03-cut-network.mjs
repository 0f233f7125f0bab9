#!/usr/bin/env zx
// Cut the replica off the network, write on the primary, reconnect it: replication heals.
// Running it twice inserts 100 more documents.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';
import { caughtUp, streaming } from '../../lib/wait.mjs';

// :snippet-start: commands
await $`docker network disconnect ferretdb postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;

await $`docker network connect ferretdb postgres_replica`;
await streaming();
await caughtUp();

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
// :snippet-end:
