await $`docker compose up -d --wait --no-deps postgres_primary`;
const follow =
  "ALTER SYSTEM SET primary_conninfo = 'host=postgres_replica user=replicator password=replicatorpassword';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${follow}`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT pg_reload_conf();'}`;
await streaming('postgres_primary');
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT status, sender_host FROM pg_stat_wal_receiver;'}`;
