#!/usr/bin/env zx
// Load the new password of step 8 into the shell and recreate the containers with it: FerretDB
// connects with it, and both FerretDBs count the documents with it.
// Safe to run twice: compose recreates nothing the second time, and the counts are the same.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';
import { loadEnvFile } from '../../lib/password.mjs';

// :snippet-start: commands
await $`set -a && . ./.env && set +a`;
// Each command of a script runs in a shell of its own: this does what the line above does in yours.
loadEnvFile();

// Every service's environment changed, so compose recreates all four containers. The data stays in
// the named volumes, and PostgreSQL ignores POSTGRES_PASSWORD on a data directory that is not empty:
// the primary keeps the password just set, and the replica the one it replayed from the primary.
await $`docker compose --progress quiet up -d`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;
const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
// :snippet-end:
