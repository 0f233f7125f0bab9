#!/usr/bin/env zx
// Remove the second replica and its FerretDB, the replica on the small disk, then everything compose created.
// Safe to run twice: docker rm -f and docker volume rm -f accept names that are gone.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// -v: also the anonymous volume each image declares (FerretDB's /state), which compose does not own.
await $`docker rm -f -v ferretdb_replica2 postgres_replica2 postgres_small_disk`;
await $`docker volume rm -f replica2_data`;
await $`docker compose down --volumes`;
