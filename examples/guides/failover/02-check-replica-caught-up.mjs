#!/usr/bin/env zx
// Before the primary goes, wait until the replica has replayed everything the primary has flushed.
// Judged on the replica: the primary's own view (pg_stat_replication.replay_lsn) is only as fresh
// as the replica's last status message. Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
// Where the primary's WAL ends on disk; wait until the replica has replayed up to there, and show it.
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_flush_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
docker exec postgres_replica psql -U user -d postgres -c "SELECT '$lsn'::pg_lsn AS primary_flushed, pg_last_wal_replay_lsn() AS replica_replayed, pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn AS caught_up"`;
// :snippet-end:
