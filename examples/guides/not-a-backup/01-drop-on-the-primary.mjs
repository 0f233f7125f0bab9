#!/usr/bin/env zx
// A mistake on the primary is a mistake on the replica: drop a collection through FerretDB on the
// primary, and it is gone from the replica as soon as the replica has replayed the drop.
// Safe to run twice: the second drop finds nothing to drop, and both counts stay 0.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;

await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.drop()'}`;
// Wait until the replica has replayed everything the primary has flushed (a second or less).
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;

await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.getCollectionNames()'}`;
// :snippet-end:
