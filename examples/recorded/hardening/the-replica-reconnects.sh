docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_terminate_backend(pid) FROM pg_stat_replication;'
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT usename, state FROM pg_stat_replication;'
