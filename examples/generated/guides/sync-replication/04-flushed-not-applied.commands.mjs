await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_pause();'}`;

const insert = 'db.record.insertOne({ username: "Katherine Johnson" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
const count = 'db.record.countDocuments({ username: "Katherine Johnson" })';
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;

await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_resume();'}`;
