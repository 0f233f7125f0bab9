#!/usr/bin/env zx
// Copy the primary into the replica's volume with pg_basebackup, then start the replica on it.
// Not safe to run twice: pg_basebackup refuses a target directory that is not empty.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec -e PGPASSWORD="$REPLICATION_PASSWORD" postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast`;
await $`docker compose --progress quiet up -d --wait postgres_replica`;
// :snippet-end:
