#!/usr/bin/env zx
// The way out is the step that was skipped: the replica on the new image. Its binary then matches
// the schema it replayed, and the same read answers. Safe to run twice: compose recreates nothing
// the second time.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d --no-deps --wait postgres_replica`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.orders.countDocuments()'}`;
// :snippet-end:
