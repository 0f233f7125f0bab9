#!/usr/bin/env zx
// Keep the old primary from taking writes if it is ever started again: mark it a standby.
// Safe to run twice: the file is created once.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
// `compose run` uses the service's image and volume; --no-deps keeps the other services as they are.
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;
// :snippet-end:
