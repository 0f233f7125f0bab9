#!/usr/bin/env zx
// What a failover can leave behind: the old primary took a write the new one never received. Here
// it is made on purpose: the replica (postgres_primary since the switchover) is promoted too,
// written to, and stopped. Two servers now hold histories that differ.
// Run it once: a second promotion finds a primary already.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const onOld = (sql) => $`docker exec postgres_primary psql -U user -d postgres -c ${sql}`;
// First a checkpoint on the new primary, replayed by the old one and made its restartpoint there:
// the last checkpoint both histories share is then this one, whenever the steps run.
await $`docker exec postgres_replica psql -U user -d postgres -c ${'CHECKPOINT;'}`;
await $`lsn=$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;
await onOld('CHECKPOINT;');
await onOld('SELECT pg_promote();');
await onOld('CREATE TABLE written_on_the_wrong_server AS SELECT 1 AS n;');
await $`docker compose --progress quiet stop postgres_primary`;
// :snippet-end:
