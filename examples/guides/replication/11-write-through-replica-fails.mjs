#!/usr/bin/env zx
// The read-only FerretDB refuses writes, because its PostgreSQL is a standby.
// Safe to run twice.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const insert = 'db.record.insertOne({ username: "Grace Hopper" })';
const write = await $`mongosh ${mongoUri(27018)} --quiet --eval ${insert}`.nothrow();
// :snippet-end:
if (write.exitCode === 0) {
  throw new Error('the read-only FerretDB accepted a write: is it connected to the replica?');
}
