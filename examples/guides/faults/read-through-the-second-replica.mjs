#!/usr/bin/env zx
// Write through the primary, wait for the second replica to replay it, and read it there through a
// FerretDB of its own, published on port 27019.
// Not safe to run twice: the container name ferretdb_replica2 is taken after the first run.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica2 psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;

await $`docker run -d --name ferretdb_replica2 --network ferretdb -p 27019:27017 -e FERRETDB_POSTGRESQL_URL="postgres://user:$POSTGRES_PASSWORD@postgres_replica2:5432/postgres" -e FERRETDB_TELEMETRY=disable "$(docker inspect --format '{{.Config.Image}}' ferretdb)" > /dev/null`;
const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27019)} --quiet --eval ${count}`;
// :snippet-end:
