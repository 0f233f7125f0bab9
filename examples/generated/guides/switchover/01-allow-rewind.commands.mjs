await $`docker exec postgres_primary psql -U user -d postgres -c ${'ALTER SYSTEM SET wal_log_hints = on;'}`;
await $`docker compose restart postgres_primary`;
await streaming();
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SHOW wal_log_hints;'}`;
