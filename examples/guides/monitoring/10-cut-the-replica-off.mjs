#!/usr/bin/env zx
// A replica cut off the network cannot say goodbye: the primary keeps listing it as streaming, its
// positions frozen, until wal_sender_timeout ends the connection.
// Run it once: a second run finds the replica already disconnected.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker network disconnect ferretdb postgres_replica`;

const insert =
  'db.record.insertOne({ username: "written while the replica is cut off" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;

const view = `SELECT application_name, state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) > 0 AS replica_behind,
       current_setting('wal_sender_timeout') AS wal_sender_timeout
  FROM pg_stat_replication;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${view}`;
// :snippet-end:
