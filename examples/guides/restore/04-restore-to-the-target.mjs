#!/usr/bin/env zx
// A new server from the base backup, which replays the archived WAL up to the noted time and is
// then promoted; the primary and its replica stay as they are. Run it once: the container and its
// volume exist afterwards.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
// The base backup unpacked into a new volume, marked to start in archive recovery.
const unpack =
  'tar -xzf /var/lib/postgresql/archive/base/base.tar.gz -C /var/lib/postgresql/data && touch /var/lib/postgresql/data/recovery.signal';
await $`docker run --rm -v restored_data:/var/lib/postgresql/data -v wal_archive:/var/lib/postgresql/archive:ro "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" sh -c ${unpack}`;
// Started with where to find WAL and where to stop, and no archiving of its own.
await $`docker run -d --name postgres_restored --network ferretdb -v restored_data:/var/lib/postgresql/data -v wal_archive:/var/lib/postgresql/archive:ro "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" postgres -c "restore_command=cp /var/lib/postgresql/archive/wal/%f %p" -c "recovery_target_time=$(cat restore-target)" -c recovery_target_action=promote -c archive_mode=off > /dev/null`;
await $`until [ "$(docker exec postgres_restored psql -U user -d postgres -AtXc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ]; do sleep 1; done`;
await $`docker logs postgres_restored 2>&1 | grep -o 'recovery stopping before commit of transaction\\|archive recovery complete'`;
// :snippet-end:
