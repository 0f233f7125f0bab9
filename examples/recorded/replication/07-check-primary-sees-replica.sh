docker exec postgres_primary psql -U user -d postgres -x -c 'SELECT usename, client_addr, state, sent_lsn, write_lsn, flush_lsn, replay_lsn, sync_state FROM pg_stat_replication;'
