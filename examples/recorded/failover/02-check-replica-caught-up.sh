docker exec postgres_primary psql -U user -d postgres -c 'SELECT application_name, state, pg_current_wal_lsn() = replay_lsn AS caught_up
  FROM pg_stat_replication;'
