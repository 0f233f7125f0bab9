#!/usr/bin/env zx
// A second replica, made with the same pg_basebackup in a volume of its own, streams too.
// Not safe to run twice: the container name postgres_replica2 is taken after the first run.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker run --rm --network ferretdb -v replica2_data:/var/lib/postgresql/data -e PGPASSWORD=replicatorpassword "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" pg_basebackup -h postgres_primary -U replicator -D /var/lib/postgresql/data -R -X stream -c fast`;
await $`docker run -d --name postgres_replica2 --network ferretdb -v replica2_data:/var/lib/postgresql/data -e POSTGRES_PASSWORD=password "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" > /dev/null`;
await $`until [ "$(docker exec postgres_replica2 psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;

const replicas = 'SELECT usename, state, sync_state FROM pg_stat_replication;';
await $`docker exec postgres_primary psql -U user -d postgres -c ${replicas}`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica2 psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;

await $`docker run -d --name ferretdb_replica2 --network ferretdb -p 27019:27017 -e FERRETDB_POSTGRESQL_URL=postgres://user:password@postgres_replica2:5432/postgres -e FERRETDB_TELEMETRY=disable "$(docker inspect --format '{{.Config.Image}}' ferretdb)" > /dev/null`;
const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27019)} --quiet --eval ${count}`;
// :snippet-end:
