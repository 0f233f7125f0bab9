#!/usr/bin/env zx
// Start where this page begins: steps 1 to 10 of the replication guide, each pasted from the Shell
// tab its page shows (examples/recorded/replication/) with only its name printed, then the one
// document read through the replica. It starts the guide's stack: run it on a Docker without one.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';

// :snippet-start: commands
await $`for step in recorded/replication/{01..10}-*.sh; do echo "$step"; bash "$step" > /dev/null 2>&1 || echo "  failed: run its commands one by one to see why"; done`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.find({}, { _id: 0 }).toArray()'}`;
// :snippet-end:
