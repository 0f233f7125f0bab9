#!/usr/bin/env zx
// A replica that lost its WAL starts over from a new base backup.
// Safe to run twice: each run empties the replica's data directory and copies the primary again.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';
import { caughtUp, streaming } from '../../lib/wait.mjs';

// :snippet-start: commands
await $`docker compose stop postgres_replica`;
await $`docker exec postgres_primary sh -c ${'rm -rf /tmp/replica_backup/*'}`;
await $`docker exec -e PGPASSWORD=replicatorpassword postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast`;
await $`docker compose start postgres_replica`;
await streaming();
await caughtUp();

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
// :snippet-end:
