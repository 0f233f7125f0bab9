#!/usr/bin/env zx
// The replica has been sent the new WAL but has not replayed it, so reads through it miss the new documents.
// Read-only: safe to run twice.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const behind = `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) > 0 AS replica_behind,
       pg_wal_lsn_diff(sent_lsn, replay_lsn) > 0 AS sent_not_replayed
  FROM pg_stat_replication;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${behind}`;

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
// :snippet-end:
