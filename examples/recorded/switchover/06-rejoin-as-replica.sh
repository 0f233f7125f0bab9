docker compose --progress quiet up -d --wait --no-deps postgres_primary
echo "ALTER SYSTEM SET primary_conninfo = :'conninfo';" | docker exec -i postgres_primary psql -U user -d postgres -v ON_ERROR_STOP=1 -v conninfo="host=postgres_replica user=replicator password=$REPLICATION_PASSWORD"
docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_reload_conf();'
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT status, sender_host FROM pg_stat_wal_receiver;'
