// `compose run` uses the service's image and volume; --no-deps keeps the other services as they are.
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;
