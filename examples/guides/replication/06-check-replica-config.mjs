#!/usr/bin/env zx
// The replica knows it is a standby and where its primary is.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_replica ls /var/lib/postgresql/data/standby.signal`;
// Only the fields that say where it streams from and as whom: the whole string also holds the
// replication password and a dozen libpq defaults.
await $`docker exec postgres_replica psql -U user -d postgres -AtXc ${'SHOW primary_conninfo'} | tr ' ' '\\n' | grep -E '^(host|port|user)='`;
// :snippet-end:
