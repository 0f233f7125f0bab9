#!/usr/bin/env zx
// Point the primary FerretDB at the promoted server.
// Safe to run twice: compose leaves a container that already has this configuration alone.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
// --no-deps: without it, compose would start the old primary again, which ferretdb depends on.
await $`docker compose -f compose.yaml -f compose.failover.yaml --progress quiet up -d --no-deps ferretdb`;
// :snippet-end:
