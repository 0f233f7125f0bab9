#!/usr/bin/env zx
// WAL retention, and a pg_hba.conf entry that lets the replicator role stream.
// Safe to run twice: ALTER SYSTEM overwrites its setting, and the pg_hba.conf line is added once.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const walKeepSize = "ALTER SYSTEM SET wal_keep_size = '64MB';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${walKeepSize}`;

const hbaLine = 'host replication replicator samenet scram-sha-256';
const hbaFile = '/var/lib/postgresql/data/pg_hba.conf';
const addOnce = `grep -qxF '${hbaLine}' ${hbaFile} || echo '${hbaLine}' >> ${hbaFile}`;
await $`docker exec postgres_primary sh -c ${addOnce}`;

await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${'SELECT pg_reload_conf();'}`;
// :snippet-end:
