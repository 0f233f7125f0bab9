await $`docker compose --progress quiet up -d --no-deps --wait postgres_replica`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.orders.countDocuments()'}`;
