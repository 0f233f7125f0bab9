#!/usr/bin/env zx
// Remove the containers, the network, both data volumes with the slot and the rules in them, and the .env of step 8.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';
import { envFileMarker } from '../../lib/password.mjs';

// :snippet-start: commands
await $`docker compose down --volumes`;
// Only the .env that step 8 wrote, as its first line says: a file of your own stays.
await $`if grep -qsxF ${envFileMarker} .env; then rm .env; fi`;
// :snippet-end:
