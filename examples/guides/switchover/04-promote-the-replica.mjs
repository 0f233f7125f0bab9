#!/usr/bin/env zx
// Fence the old primary (it must come back as a standby), promote the replica, and point FerretDB
// at it. Safe to run twice: the fence exists once, promoting a primary does nothing.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_promote();'}`;
await $`docker compose -f compose.yaml -f compose.failover.yaml --progress quiet up -d --no-deps ferretdb`;
// :snippet-end:
