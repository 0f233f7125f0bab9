#!/usr/bin/env zx
// Take the only synchronous replica away.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

await $`docker compose stop postgres_replica`;
