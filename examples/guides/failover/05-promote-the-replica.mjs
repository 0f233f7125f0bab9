#!/usr/bin/env zx
// Promote the replica: it stops replaying WAL and starts accepting writes.
// Safe to run twice: promoting a primary does nothing and says so.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_promote();'}`;
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_is_in_recovery();'}`;
// :snippet-end:
