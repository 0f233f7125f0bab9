const insert = 'db.record.insertOne({ username: "after the switchover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`lsn=$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;
const count = "SELECT count(*) FROM documentdb_api.collection('test', 'record');";
await $`docker exec postgres_primary psql -U user -d postgres -c ${count}`;
