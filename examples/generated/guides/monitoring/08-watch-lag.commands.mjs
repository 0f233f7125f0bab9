const samples = Number(argv._[0] ?? 3);
const query = `SELECT application_name, state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes,
       coalesce(replay_lag, interval '0') AS replay_lag
  FROM pg_stat_replication;`;
// One loop, its pause in it: footer=off leaves each sample its header and its rows.
await $`for sample in $(seq ${samples}); do
  docker exec postgres_primary psql -U user -d postgres -P footer=off -c ${query}
  [ "$sample" = ${samples} ] || sleep 1
done`;
