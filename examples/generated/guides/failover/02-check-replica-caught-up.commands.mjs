// Where the primary's WAL ends on disk, then whether the replica has replayed up to there.
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_flush_lsn()')
docker exec postgres_replica psql -U user -d postgres -c "SELECT '$lsn'::pg_lsn AS primary_flushed, pg_last_wal_replay_lsn() AS replica_replayed, pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn AS caught_up"`;
