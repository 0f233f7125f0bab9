await $`docker compose stop ferretdb`;
await $`docker compose stop postgres_primary`;
