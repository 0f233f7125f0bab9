#!/usr/bin/env zx
// What a failover can leave behind: the old primary took a write the new one never received. Here
// it is made on purpose: the replica (postgres_primary since the switchover) is promoted too,
// written to, and stopped. Two servers now hold histories that differ.
// Run it once: a second promotion finds a primary already.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const onOld = (sql) => $`docker exec postgres_primary psql -U user -d postgres -c ${sql}`;
await onOld('SELECT pg_promote();');
await onOld('CREATE TABLE written_on_the_wrong_server AS SELECT 1 AS n;');
await $`docker compose stop postgres_primary`;
// :snippet-end:
