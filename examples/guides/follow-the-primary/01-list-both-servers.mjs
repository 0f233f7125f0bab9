#!/usr/bin/env zx
// Give each FerretDB both PostgreSQL servers (compose.follow.yaml) and write through the writer.
// Safe to run twice: compose leaves containers that already match alone; a second document is written.
// No --wait: FerretDB's image checks its health once a minute, and the driver waits for the port anyway.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose -f compose.yaml -f compose.follow.yaml --progress quiet up -d --no-deps ferretdb`;
await $`docker compose -f compose.yaml -f compose.follow.yaml --progress quiet up -d --no-deps ferretdb_readonly`;

const insert = 'db.record.insertOne({ username: "before the failover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
// :snippet-end:
