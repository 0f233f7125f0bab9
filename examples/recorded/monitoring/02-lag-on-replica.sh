docker exec postgres_replica psql -U user -d postgres -c 'SELECT status, sender_host, latest_end_lsn FROM pg_stat_wal_receiver;'
docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_last_wal_receive_lsn() AS received,
       pg_last_wal_replay_lsn() AS replayed,
       pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS replay_lag_bytes,
       now() - pg_last_xact_replay_timestamp() AS replay_delay;'
