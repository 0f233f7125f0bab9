for sample in $(seq 3); do
  docker exec postgres_primary psql -U user -d postgres -P footer=off -c "SELECT application_name, state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes,
       coalesce(replay_lag, interval '0') AS replay_lag
  FROM pg_stat_replication;"
  [ "$sample" = 3 ] || sleep 1
done
