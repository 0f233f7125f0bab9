#!/usr/bin/env zx
// Remove the containers, the network and both data volumes, with the slot and the rules in them.
// Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

await $`docker compose down --volumes`;
