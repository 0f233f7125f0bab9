docker exec postgres_primary psql -U user -d postgres -c 'ALTER SYSTEM SET wal_log_hints = on;'
docker compose --progress quiet restart postgres_primary
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SHOW wal_log_hints;'
