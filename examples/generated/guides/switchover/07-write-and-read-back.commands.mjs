const insert = 'db.record.insertOne({ username: "after the switchover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await caughtUp('postgres_primary', 'postgres_replica');
const count = "SELECT count(*) FROM documentdb_api.collection('test', 'record');";
await $`docker exec postgres_primary psql -U user -d postgres -c ${count}`;
