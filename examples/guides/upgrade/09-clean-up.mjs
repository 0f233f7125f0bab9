#!/usr/bin/env zx
// Remove the guide's stack and its four volumes. Safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
await $`docker compose down --volumes`;
// :snippet-end:
