#!/usr/bin/env zx
// The replica knows it is a standby and where its primary is.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica ls /var/lib/postgresql/data/standby.signal`;
await $`docker exec postgres_replica psql -U user -d postgres -c ${'SHOW primary_conninfo;'}`;
// :snippet-end:
