docker compose up -d --wait --no-deps postgres_primary
docker exec postgres_primary psql -U user -d postgres -c "ALTER SYSTEM SET primary_conninfo = 'host=postgres_replica user=replicator password=replicatorpassword';"
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_reload_conf();'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT status, sender_host FROM pg_stat_wal_receiver;'
