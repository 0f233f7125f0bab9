#!/usr/bin/env zx
// The wrong order: the primary's image replaced and its extensions updated while the replica
// still runs DocumentDB 0.104's binary. The replica replays the new schema, which that binary does
// not know: a read of a collection that does not exist fails through the replica's FerretDB,
// and the same read through the primary's answers 0. Run it on the stack step 6 leaves.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d --no-deps --wait postgres_primary`;
await $`docker exec postgres_primary psql -U user -d postgres -c 'ALTER EXTENSION documentdb_core UPDATE' -c 'ALTER EXTENSION documentdb UPDATE'`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT extversion FROM pg_extension WHERE extname = 'documentdb'")" = 0.106-0 ]; do sleep 1; done`;
await $`for server in postgres_primary postgres_replica; do docker exec $server psql -U user -d postgres -AtXc "SELECT '$server: ' || string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) || '; binary ' || documentdb_api.binary_extended_version() FROM pg_extension WHERE extname LIKE 'documentdb%'"; done`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.orders.countDocuments()'}`.nothrow();
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.orders.countDocuments()'}`;
// :snippet-end:
