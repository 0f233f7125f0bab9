#!/usr/bin/env zx
// Last, both FerretDBs, now that the DocumentDB they connect to is the one FerretDB 2.5.0 expects;
// each keeps its /state volume. Then every document written during the upgrade, read through both.
// Safe to run twice: compose recreates nothing the second time (but a second document is written).
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
// No --wait: the image's health check first runs a minute after the start; mongosh waits for the port by itself.
await $`docker compose --progress quiet up -d --no-deps ferretdb ferretdb_readonly`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.runCommand({ buildInfo: 1 }).ferretdb.version'}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.runCommand({ buildInfo: 1 }).ferretdb.version'}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.upgrade.insertOne({ written: "after the upgrade" }).acknowledged'}`;
await $`until [ "$(mongosh ${mongoUri(27018)} --quiet --eval ${'db.upgrade.countDocuments()'})" = 4 ]; do sleep 1; done`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.upgrade.find({}, { _id: 0 }).toArray()'}`;
// :snippet-end:
