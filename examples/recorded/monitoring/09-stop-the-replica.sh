docker compose --progress quiet stop postgres_replica
docker exec postgres_primary psql -U user -d postgres -c 'SELECT application_name, state FROM pg_stat_replication;'
docker compose --progress quiet up -d --wait --no-deps postgres_replica
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT application_name, state FROM pg_stat_replication;'
