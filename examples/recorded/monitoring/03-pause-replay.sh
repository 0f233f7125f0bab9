docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_wal_replay_pause();'
docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_get_wal_replay_pause_state();'
