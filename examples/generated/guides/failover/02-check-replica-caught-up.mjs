#!/usr/bin/env zx
// Before the primary goes, check the replica has replayed everything the primary has flushed.
// Judged on the replica: the primary's own view (pg_stat_replication.replay_lsn) is only as fresh
// as the replica's last status message, which an idle replica sends every
// wal_receiver_status_interval (10 s). Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';
import { caughtUp } from '../../lib/wait.mjs';

// Replay takes a moment after a write; wait for it before showing the check.
await caughtUp();

// Where the primary's WAL ends on disk, then whether the replica has replayed up to there.
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_flush_lsn()')
docker exec postgres_replica psql -U user -d postgres -c "SELECT '$lsn'::pg_lsn AS primary_flushed, pg_last_wal_replay_lsn() AS replica_replayed, pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn AS caught_up"`;
