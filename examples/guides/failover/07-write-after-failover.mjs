#!/usr/bin/env zx
// Writes work again, on the promoted server, and nothing written before the failover is missing.
// Running it twice writes a second document.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const insert = 'db.record.insertOne({ order: 6, status: "paid after failover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.countDocuments({ status: /^paid/ })'}`;
// :snippet-end:
