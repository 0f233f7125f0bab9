#!/usr/bin/env zx
// Start where this page begins: steps 1 to 10 of the replication guide, each the Shell tab its
// page shows (examples/recorded/replication/), sourced into one shell and named only if it fails,
// then the one document read through the replica. It starts the guide's stack: run it on a Docker without one.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';
import { loadEnvFile } from '../../lib/password.mjs';

// :snippet-start: commands
await $`for step in recorded/replication/{01..10}-*.sh; do . "$step" > /dev/null 2>&1 || echo "failed: $step (run its commands one by one to see why)"; done`;
// Each command of a script runs in a shell of its own: this loads what step 1, sourced into yours, loaded there.
loadEnvFile();
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.find({}, { _id: 0 }).toArray()'}`;
// :snippet-end:
