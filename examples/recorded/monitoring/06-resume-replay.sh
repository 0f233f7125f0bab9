docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_wal_replay_resume();'
