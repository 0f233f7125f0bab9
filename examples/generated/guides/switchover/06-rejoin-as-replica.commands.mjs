await $`docker compose up -d --wait --no-deps postgres_primary`;
const follow =
  "ALTER SYSTEM SET primary_conninfo = 'host=postgres_replica user=replicator password=replicatorpassword';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${follow}`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT pg_reload_conf();'}`;
await $`until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT status, sender_host FROM pg_stat_wal_receiver;'}`;
