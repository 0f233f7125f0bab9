const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica2 psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;

await $`docker run -d --name ferretdb_replica2 --network ferretdb -p 27019:27017 -e FERRETDB_POSTGRESQL_URL="postgres://user:$POSTGRES_PASSWORD@postgres_replica2:5432/postgres" -e FERRETDB_TELEMETRY=disable "$(docker inspect --format '{{.Config.Image}}' ferretdb)" > /dev/null`;
const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27019)} --quiet --eval ${count}`;
