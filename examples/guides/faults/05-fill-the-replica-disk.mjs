#!/usr/bin/env zx
// A replica whose disk fills up stops replaying and says why in its log; the primary keeps serving.
// Not safe to run twice: the container name postgres_small_disk is taken after the first run.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
// A replica on a 160 MB disk: a tmpfs, so that the example fills it in seconds. A tmpfs lives as
// long as its container, so the container takes the base backup itself, then starts PostgreSQL.
await $`docker run -d --name postgres_small_disk --network ferretdb --mount type=tmpfs,destination=/var/lib/postgresql/data,tmpfs-size=167772160 -e PGPASSWORD="$REPLICATION_PASSWORD" -e POSTGRES_PASSWORD "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" bash -c 'pg_basebackup -h postgres_primary -U replicator -D "$PGDATA" -R -X stream -c fast && exec docker-entrypoint.sh postgres' > /dev/null`;
await $`until [ "$(docker exec postgres_small_disk psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;

// About 150 MB of WAL, more than that disk has left: pg_logical_emit_message writes its text to
// the WAL and nowhere else, so only the replica's pg_wal grows, and it fills up the same way
// on every run.
const fill =
  "SELECT count(pg_logical_emit_message(true, 'filler', repeat('x', 1000000))) FROM generate_series(1, 150);";
await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${fill}`;
await $`until docker logs postgres_small_disk 2>&1 | grep -q 'No space left on device'; do sleep 1; done`;
// The first such line. awk reads the whole log: grep -m1 would stop early and kill docker logs
// with SIGPIPE, a failed pipeline; and each retry logs another xlogtemp.<pid>, so uniq would not do.
const firstFatal =
  'match($0, /FATAL: .*No space left on device/) && !seen++ { print substr($0, RSTART, RLENGTH) }';
await $`docker logs postgres_small_disk 2>&1 | awk ${firstFatal}`;

// The primary keeps serving, and the replica with room keeps up.
const insert = 'db.record.insertOne({ username: "after the disk filled" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;
const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
// :snippet-end:
