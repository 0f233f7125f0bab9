docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_is_in_recovery();'
docker exec postgres_replica psql -U user -d postgres -c 'SELECT status, sender_host, sender_port FROM pg_stat_wal_receiver;'
