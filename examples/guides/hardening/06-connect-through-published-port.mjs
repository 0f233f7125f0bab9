#!/usr/bin/env zx
// A client outside the compose network reaches the primary through its published port, and samenet lets it stream.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker run --rm --add-host host.docker.internal:host-gateway -e PGPASSWORD="$REPLICATION_PASSWORD" "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" psql ${'host=host.docker.internal user=replicator replication=true'} -c ${'SHOW wal_level;'}`;
// :snippet-end:
