#!/usr/bin/env zx
// The old primary's control file says where its shutdown checkpoint is; the replica must have
// replayed past it. Then nothing the primary ever acknowledged is missing on the replica.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`lsn=$(docker compose run --rm --no-deps --entrypoint pg_controldata postgres_primary | sed -n 's/^Latest checkpoint location: *//p')
docker exec postgres_replica psql -U user -d postgres -c "SELECT '$lsn'::pg_lsn AS primary_stopped_at, pg_last_wal_replay_lsn() > '$lsn'::pg_lsn AS replica_has_everything"`;
// :snippet-end:
