// '*': any one connected replica will do. synchronous_commit is already 'on', the default.
const sync = "ALTER SYSTEM SET synchronous_standby_names = '*';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${sync}`;
await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${'SELECT pg_reload_conf();'}`;
