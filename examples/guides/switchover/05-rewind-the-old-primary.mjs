#!/usr/bin/env zx
// Make the old primary's data directory a copy of the new primary's past: pg_rewind copies only
// what changed since the two diverged, instead of a whole new base backup. It runs as the owner of
// the data files (it refuses root), with the old primary stopped, and reads from the new primary
// as a superuser. Run it once per switchover.
import { $ } from 'zx';
import { shellVariable } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose run --rm --no-deps --user postgres --entrypoint pg_rewind postgres_primary --target-pgdata=/var/lib/postgresql/data --source-server=${`host=postgres_replica user=user password=${shellVariable('POSTGRES_PASSWORD')} dbname=postgres`}`;
// :snippet-end:
