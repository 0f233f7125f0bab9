const noKeep = 'ALTER SYSTEM SET wal_keep_size = 0;';
await $`docker exec postgres_primary psql -U user -d postgres -AtX -c ${noKeep} -c ${'SELECT pg_reload_conf();'}`;
await $`docker compose --progress quiet stop postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`docker exec postgres_primary psql -U user -d postgres -AtX -c ${'SELECT pg_switch_wal();'} -c ${'CHECKPOINT;'}`;
