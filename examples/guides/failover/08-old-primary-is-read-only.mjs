#!/usr/bin/env zx
// Start the old primary to see that it now refuses writes, then stop it again.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d --wait --no-deps postgres_primary`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT pg_is_in_recovery();'}`;
const write = 'CREATE TABLE split_brain (n int);';
await $`docker exec postgres_primary psql -U user -d postgres -c ${write}`.nothrow();
await $`docker compose --progress quiet stop postgres_primary`;
// :snippet-end:
