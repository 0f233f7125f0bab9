#!/usr/bin/env zx
// Write some documents through FerretDB on the primary before anything goes wrong.
// Running it twice writes 5 more.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const insert = `const docs = Array.from({ length: 5 }, (_, i) => ({ order: i + 1, status: "paid" }));
print(Object.keys(db.record.insertMany(docs).insertedIds).length);`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
// :snippet-end:
