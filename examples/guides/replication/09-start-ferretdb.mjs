#!/usr/bin/env zx
// FerretDB on the primary, and a first document written through it.
// Running it twice inserts a second document, with an _id of its own.
import { readFileSync } from 'node:fs';
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d ferretdb`;
const insert = readFileSync(
  new URL('../../mongosh/insert-record.js', import.meta.url),
  'utf8',
).trim();
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
// :snippet-end:
