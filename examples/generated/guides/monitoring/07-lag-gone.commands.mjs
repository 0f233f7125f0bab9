const lag = `SELECT state, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes
  FROM pg_stat_replication;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${lag}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.countDocuments()'}`;
