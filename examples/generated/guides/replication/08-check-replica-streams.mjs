#!/usr/bin/env zx
// The replica's view of replication.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_is_in_recovery();'}`;
const receiver = 'SELECT status, sender_host, sender_port FROM pg_stat_wal_receiver;';
await $`docker exec postgres_replica psql -U user -d postgres -c ${receiver}`;
