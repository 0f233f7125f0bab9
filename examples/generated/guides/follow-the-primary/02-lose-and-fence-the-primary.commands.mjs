await $`docker kill postgres_primary`;
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;

await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.countDocuments()'}`;
