const noKeep = 'ALTER SYSTEM SET wal_keep_size = 0;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${noKeep} -c ${'SELECT pg_reload_conf();'}`;
await $`docker compose stop postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT pg_switch_wal();'} -c ${'CHECKPOINT;'}`;

await $`docker compose start postgres_replica`;
await $`until docker logs postgres_replica 2>&1 | grep -q 'has already been removed'; do sleep 1; done`;
// uniq, not grep -m1: grep stopping early would kill docker logs with SIGPIPE, a failed pipeline.
await $`docker logs postgres_replica 2>&1 | grep -o ${'requested WAL segment .* has already been removed'} | uniq`;

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
