docker exec postgres_primary psql -U user -d postgres -c 'ALTER SYSTEM RESET synchronous_standby_names;'
docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_reload_conf();'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT sync_state FROM pg_stat_replication;'
