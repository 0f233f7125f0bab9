await $`docker compose stop postgres_replica`;
