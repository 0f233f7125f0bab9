await $`docker compose --progress quiet start postgres_replica`;
await $`until docker logs postgres_replica 2>&1 | grep -q 'has already been removed'; do sleep 1; done`;
// uniq, not grep -m1: grep stopping early would kill docker logs with SIGPIPE, a failed pipeline.
await $`docker logs postgres_replica 2>&1 | grep -o ${'requested WAL segment .* has already been removed'} | uniq`;

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
