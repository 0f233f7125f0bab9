const replicas = 'SELECT application_name, state FROM pg_stat_replication;';
await $`docker compose stop postgres_replica`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${replicas}`;

await $`docker compose up -d --wait --no-deps postgres_replica`;
await streaming();
await $`docker exec postgres_primary psql -U user -d postgres -c ${replicas}`;
