#!/usr/bin/env zx
// Promote the replica. Nothing is said to either FerretDB.
// Safe to run twice: promoting a primary does nothing and says so.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_promote();'}`;
// :snippet-end:
