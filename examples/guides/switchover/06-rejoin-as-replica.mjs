#!/usr/bin/env zx
// Start the old primary as a standby (its fence, standby.signal, is still there) and tell it where
// the new primary is. primary_conninfo takes effect on a reload.
// Safe to run twice: ALTER SYSTEM overwrites its setting.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet up -d --wait --no-deps postgres_primary`;
// psql quotes the variable as a string literal (:'conninfo'), with the password from the shell in it.
const follow = "ALTER SYSTEM SET primary_conninfo = :'conninfo';";
await $`echo ${follow} | docker exec -i postgres_primary psql -U user -d postgres -v ON_ERROR_STOP=1 -v conninfo="host=postgres_replica user=replicator password=$REPLICATION_PASSWORD"`;
await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${'SELECT pg_reload_conf();'}`;
await $`until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${'SELECT status, sender_host FROM pg_stat_wal_receiver;'}`;
// :snippet-end:
