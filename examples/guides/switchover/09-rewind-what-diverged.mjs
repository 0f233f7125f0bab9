#!/usr/bin/env zx
// pg_rewind finds where the two histories split and copies back from the new primary every page
// the old one changed since: the write made on the wrong server is gone. The rewind copies the new
// primary's configuration too, so the old one is told again where to stream from; the next step starts it.
// Run it once per divergence.
import { $ } from 'zx';
import { shellVariable } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose run --rm --no-deps --user postgres --entrypoint pg_rewind postgres_primary --target-pgdata=/var/lib/postgresql/data --source-server=${`host=postgres_replica user=user password=${shellVariable('POSTGRES_PASSWORD')} dbname=postgres`}`;
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;
await $`printf "primary_conninfo = 'host=postgres_replica user=replicator password=%s'\\n" "$REPLICATION_PASSWORD" | docker compose run --rm -T --no-deps --user postgres --entrypoint sh postgres_primary -c ${'cat >> /var/lib/postgresql/data/postgresql.auto.conf'}`;
// :snippet-end:
