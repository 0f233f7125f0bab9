#!/usr/bin/env zx
// Take the only synchronous replica away.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose --progress quiet stop postgres_replica`;
// :snippet-end:
