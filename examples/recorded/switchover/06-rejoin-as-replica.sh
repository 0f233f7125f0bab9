docker compose up -d --wait --no-deps postgres_primary
docker exec postgres_primary psql -U user -d postgres -c "ALTER SYSTEM SET primary_conninfo = 'host=postgres_replica user=replicator password=replicatorpassword';"
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_reload_conf();'
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT status, sender_host FROM pg_stat_wal_receiver;'
