#!/usr/bin/env zx
// pg_rewind needs to know which data pages changed since the servers diverged: with data checksums
// off (the default of PostgreSQL 17), the old primary must log hint bits too, wal_log_hints = on.
// It takes a restart. Safe to run twice: ALTER SYSTEM overwrites its setting.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec postgres_primary psql -U user -d postgres -c ${'ALTER SYSTEM SET wal_log_hints = on;'}`;
await $`docker compose --progress quiet restart postgres_primary`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SHOW wal_log_hints;'}`;
// :snippet-end:
