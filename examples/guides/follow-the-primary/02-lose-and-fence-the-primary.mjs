#!/usr/bin/env zx
// Lose the primary to SIGKILL and fence it, as on the failover page; reads go on through the
// replica, and a write through the primary's FerretDB fails.
// Safe to run twice: killing a stopped container fails, and the fence is created once.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker kill postgres_primary`;
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;

await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.countDocuments()'}`;
// No server accepts writes yet: the write fails.
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.insertOne({ written: "before the promotion" }).acknowledged'}`.nothrow();
// :snippet-end:
