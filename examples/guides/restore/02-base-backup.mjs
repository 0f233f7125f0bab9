#!/usr/bin/env zx
// A base backup of the primary into the archive volume, compressed: the starting point a restore
// replays the archived WAL onto. Run it twice and the second refuses: base/ is not empty.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker exec -u postgres postgres_primary pg_basebackup -U user -D /var/lib/postgresql/archive/base -Ft -z -X fetch -c fast`;
await $`docker exec postgres_primary ls /var/lib/postgresql/archive/base`;
// :snippet-end:
