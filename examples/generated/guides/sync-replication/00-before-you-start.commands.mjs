await $`for step in recorded/replication/{01..10}-*.sh; do . "$step" > /dev/null 2>&1 || echo "failed: $step (run its commands one by one to see why)"; done`;
// Each command of a script runs in a shell of its own: this loads what step 1, sourced into yours, loaded there.
loadEnvFile();
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.find({}, { _id: 0 }).toArray()'}`;
