await $`docker rm -f ferretdb_replica2 postgres_replica2`;
await $`docker volume rm -f replica2_data`;
await $`docker compose down --volumes`;
