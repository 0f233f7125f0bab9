docker exec postgres_primary psql -U user -d postgres -c 'SELECT application_name, state, sync_state FROM pg_stat_replication;'
docker exec postgres_primary psql -U user -d postgres -c 'SHOW synchronous_commit;'
