#!/usr/bin/env zx
// synchronous_commit = remote_apply: a write is acknowledged once the replica has applied it, so a
// read through the replica right after it finds it. Then back to the default, on.
// Running it twice writes a second document, and finds both.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
const psql = (sql) => $`docker exec postgres_primary psql -U user -d postgres -c ${sql}`;
await psql("ALTER SYSTEM SET synchronous_commit = 'remote_apply';");
await psql('SELECT pg_reload_conf();');

const insert = 'db.record.insertOne({ username: "Margaret Hamilton" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
const count = 'db.record.countDocuments({ username: "Margaret Hamilton" })';
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;

await psql('ALTER SYSTEM RESET synchronous_commit;');
await psql('SELECT pg_reload_conf();');
// :snippet-end:
