await $`docker kill postgres_primary`;
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;

await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.countDocuments()'}`;
// No server accepts writes yet: the write fails.
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.insertOne({ written: "before the promotion" }).acknowledged'}`.nothrow();
