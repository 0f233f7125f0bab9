#!/usr/bin/env zx
// Remove the containers, the network and both data volumes, with the slot and the rules in them.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose down --volumes`;
// :snippet-end:
