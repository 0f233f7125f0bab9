#!/usr/bin/env zx
// A base backup into the archive volume, compressed: the starting point a restore replays the
// archived WAL onto. Taken from the replica, so that the primary does not pay for the copy: a
// throwaway container on the guide's network connects as the replication role, which the
// replica's pg_hba.conf (a copy of the primary's) lets in from there.
// Run it twice and the second refuses: base/ is not empty.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker run --rm --network ferretdb -u postgres -v wal_archive:/var/lib/postgresql/archive -e PGPASSWORD="$REPLICATION_PASSWORD" "$(docker inspect --format '{{.Config.Image}}' postgres_replica)" pg_basebackup -h postgres_replica -U replicator -D /var/lib/postgresql/archive/base -Ft -z -X fetch -c fast`;
await $`docker exec postgres_primary ls /var/lib/postgresql/archive/base`;
// The backup's label says where it was taken.
await $`docker exec postgres_primary sh -c ${'tar -xzOf /var/lib/postgresql/archive/base/base.tar.gz backup_label | grep "BACKUP FROM"'}`;
// :snippet-end:
