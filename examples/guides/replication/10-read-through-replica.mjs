#!/usr/bin/env zx
// A FerretDB on the replica, reading what was written through the primary.
// Safe to run twice.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d ferretdb_readonly`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.find()'}`;
// :snippet-end:
