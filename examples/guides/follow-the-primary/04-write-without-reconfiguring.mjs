#!/usr/bin/env zx
// The same FerretDB, never restarted or reconfigured, writes to the new primary.
// Running it twice writes a second document.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const insert = 'db.record.insertOne({ username: "after the failover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.countDocuments()'}`;
// :snippet-end:
