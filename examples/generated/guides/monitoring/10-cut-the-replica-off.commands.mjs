await $`docker network disconnect ferretdb postgres_replica`;

const insert =
  'db.record.insertOne({ username: "written while the replica is cut off" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;

const view = `SELECT application_name, state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) > 0 AS replica_behind,
       current_setting('wal_sender_timeout') AS wal_sender_timeout
  FROM pg_stat_replication;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${view}`;
