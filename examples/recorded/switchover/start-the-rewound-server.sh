docker compose --progress quiet up -d --wait --no-deps postgres_primary
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c "SELECT pg_is_in_recovery(), to_regclass('written_on_the_wrong_server') AS diverged_table;"
docker exec postgres_primary psql -U user -d postgres -AtXc 'SHOW wal_log_hints;'
docker exec postgres_replica psql -U user -d postgres -AtXc 'SHOW wal_log_hints;'
