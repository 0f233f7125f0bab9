#!/usr/bin/env zx
// Remove the containers, the network and the four volumes this page and the replication guide made.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose down --volumes`;
// :snippet-end:
