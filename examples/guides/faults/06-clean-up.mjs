#!/usr/bin/env zx
// Remove the second replica and its FerretDB, the replica on the small disk, then everything compose created.
// Safe to run twice: docker rm -f and docker volume rm -f accept names that are gone.
import { $ } from 'zx';
import '../../lib/guide.mjs';
import { envFileMarker } from '../../lib/password.mjs';

// :snippet-start: commands
// -v: also the anonymous volume each image declares (FerretDB's /state), which compose does not own.
await $`docker rm -f -v ferretdb_replica2 postgres_replica2 postgres_small_disk`;
await $`docker volume rm -f replica2_data`;
// Quiet: compose's progress lines say nothing the two lists after it do not.
await $`docker compose --progress quiet down --volumes`;
// Nothing of the project left: each list shows its header alone.
await $`docker compose ps --all`;
await $`docker volume ls --filter label=com.docker.compose.project=ferretdb-replication`;
// Then the .env of step 1 of the replication guide, as its first line says: a file of your own stays.
await $`if grep -qsxF ${envFileMarker} .env; then rm .env; fi`;
// :snippet-end:
