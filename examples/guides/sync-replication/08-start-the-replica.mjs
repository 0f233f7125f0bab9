#!/usr/bin/env zx
// Bring the replica back: waiting commits complete, and new ones are acknowledged again.
// Safe to run twice.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d --wait postgres_replica`;
const insert = 'db.record.insertOne({ username: "Barbara Liskov", likes: 7 }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
// :snippet-end:
