#!/usr/bin/env zx
// Lose the primary: kill its container without letting PostgreSQL shut down, as a crash would.
// Safe to run twice: killing a stopped container fails and changes nothing.
import { $ } from 'zx';
import '../../lib/guide.mjs';

await $`docker kill postgres_primary`;
