#!/usr/bin/env zx
// Make commits wait until a replica has the WAL on disk.
// Safe to run twice: ALTER SYSTEM overwrites its setting.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
// '*': any one connected replica will do. synchronous_commit is already 'on', the default.
const sync = "ALTER SYSTEM SET synchronous_standby_names = '*';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${sync}`;
await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${'SELECT pg_reload_conf();'}`;
// :snippet-end:
