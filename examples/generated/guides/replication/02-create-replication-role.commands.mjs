const createRole = "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'replicatorpassword';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${createRole}`;
