await $`docker compose -f compose.yaml -f compose.follow.yaml --progress quiet up -d --no-deps ferretdb`;
await $`docker compose -f compose.yaml -f compose.follow.yaml --progress quiet up -d --no-deps ferretdb_readonly`;

const insert = 'db.record.insertOne({ username: "before the failover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
