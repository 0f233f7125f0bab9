#!/usr/bin/env zx
// A stopped replica ends its connection, and the primary drops its row from pg_stat_replication at
// once; started again, it reconnects and streams.
// Safe to run twice: it stops and starts the replica again.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const replicas = 'SELECT application_name, state FROM pg_stat_replication;';
await $`docker compose --progress quiet stop postgres_replica`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${replicas}`;

await $`docker compose --progress quiet up -d --wait --no-deps postgres_replica`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${replicas}`;
// :snippet-end:
