#!/usr/bin/env zx
// Write 500 documents through FerretDB on the primary while the replica does not replay.
// Running it twice writes 500 more.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const insert = `const docs = Array.from({ length: 500 }, (_, i) => ({ batch: "paused", i }));
print(Object.keys(db.record.insertMany(docs).insertedIds).length);`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
// :snippet-end:
