#!/usr/bin/env zx
// Remove the containers, the network, both data volumes with the slot and the rules in them, and the .env of step 8.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';
import { envFileOwner } from '../../lib/password.mjs';

// :snippet-start: commands
await $`docker compose down --volumes`;
// Only the .env that step 8 wrote, as its first line says: a file of your own stays.
if (envFileOwner() === 'guide') await $`rm .env`;
// :snippet-end:
