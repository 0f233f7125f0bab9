#!/usr/bin/env zx
// Archive every WAL segment the primary completes into a volume of its own: archive_mode takes a
// restart, which the primary gets by being recreated with that volume (compose.archive.yaml).
// Safe to run twice: ALTER SYSTEM overwrites its settings, and compose recreates nothing the second time.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const archive = [
  'ALTER SYSTEM SET archive_mode = on;',
  "ALTER SYSTEM SET archive_command = 'test ! -f /var/lib/postgresql/archive/wal/%f && cp %p /var/lib/postgresql/archive/wal/%f';",
];
await $`docker exec postgres_primary psql -U user -d postgres -c ${archive[0]} -c ${archive[1]}`;
await $`docker compose -f compose.yaml -f compose.archive.yaml --progress quiet up -d --wait postgres_primary`;
await $`docker exec postgres_primary install -d -o postgres -g postgres /var/lib/postgresql/archive/wal /var/lib/postgresql/archive/base`;
// A new segment, so that one is archived now; the archive's first file shows that it works.
await $`seg=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_walfile_name(pg_switch_wal())')
until docker exec postgres_primary test -f "/var/lib/postgresql/archive/wal/$seg"; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT archived_count > 0 AS archiving, last_archived_wal IS NOT NULL AS has_archived FROM pg_stat_archiver;'}`;
// :snippet-end:
