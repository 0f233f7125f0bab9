await $`docker compose --progress quiet stop ferretdb`;
await $`docker compose --progress quiet stop postgres_primary`;
