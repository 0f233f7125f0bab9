#!/usr/bin/env zx
// Start where this page begins: steps 1 to 10 of the replication guide, each pasted from the Shell
// tab its page shows (examples/recorded/replication/), on the older pair: COMPOSE_FILE adds
// compose.upgrade-from.yaml, which names FerretDB 2.3.0 and DocumentDB 0.104.0-ferretdb-2.3.0,
// for those steps only. Then the one document read through the replica. It starts the guide's
// stack: run it on a Docker without one.
import { $ } from 'zx';
import { mongoUri } from '../../lib/guide.mjs';
import { loadEnvFile } from '../../lib/password.mjs';

// :snippet-start: commands
await $`for step in recorded/replication/{01..10}-*.sh; do COMPOSE_FILE=compose.yaml:compose.upgrade-from.yaml . "$step" > /dev/null 2>&1 || echo "failed: $step (run its commands one by one to see why)"; done`;
// Each command of a script runs in a shell of its own: this loads what step 1, sourced into yours, loaded there.
loadEnvFile();
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.find({}, { _id: 0 }).toArray()'}`;
// :snippet-end:
