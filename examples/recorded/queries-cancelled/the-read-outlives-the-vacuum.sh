lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
docker exec postgres_replica psql -U user -d postgres -P footer=off -c "SELECT count(*) AS reads_running FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active';"
docker exec postgres_primary psql -U user -d postgres -P footer=off -c 'SELECT backend_xmin IS NOT NULL AS replica_holds_rows FROM pg_stat_replication;'
