#!/usr/bin/env zx
// Writes through FerretDB work as before; each is acknowledged once the replica has it.
// Running it twice writes a second document.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const insert = 'db.record.insertOne({ username: "Alan Turing", likes: 42 }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
// :snippet-end:
