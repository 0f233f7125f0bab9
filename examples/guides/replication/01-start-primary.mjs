#!/usr/bin/env zx
// Start the PostgreSQL primary.
// Safe to run twice: compose leaves a running service alone.
import { $ } from 'zx';
import { assertPortsFree, preflight } from '../../lib/guide.mjs';

await preflight();
await assertPortsFree();

// :snippet-start: commands
await $`docker compose up -d --wait postgres_primary`;
// :snippet-end:
