await $`docker compose --progress quiet stop postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`docker exec postgres_primary psql -U user -d postgres -AtX -c ${'SELECT pg_switch_wal();'} -c ${'CHECKPOINT;'}`;

const slots = 'SELECT slot_name, active, wal_status FROM pg_replication_slots;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${slots}`;
