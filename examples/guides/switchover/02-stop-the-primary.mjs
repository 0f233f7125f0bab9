#!/usr/bin/env zx
// A planned switchover: stop the writes, then stop the primary cleanly. On a clean shutdown the
// primary sends all of its WAL, up to its shutdown checkpoint, to the replica before it exits.
// Safe to run twice: stopping a stopped container does nothing.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet stop ferretdb`;
await $`docker compose --progress quiet stop postgres_primary`;
// :snippet-end:
