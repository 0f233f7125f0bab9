await $`docker compose --progress quiet up -d --wait postgres_replica`;
const insert = 'db.record.insertOne({ username: "Barbara Liskov", likes: 7 }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
