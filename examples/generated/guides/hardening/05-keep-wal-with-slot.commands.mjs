await $`docker compose stop postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT pg_switch_wal();'} -c ${'CHECKPOINT;'}`;

const slots = 'SELECT slot_name, active, wal_status FROM pg_replication_slots;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${slots}`;

await $`docker compose start postgres_replica`;
await streaming();
await caughtUp();

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
