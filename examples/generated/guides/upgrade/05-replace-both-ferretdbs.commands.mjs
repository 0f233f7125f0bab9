// No --wait: the image's health check first runs a minute after the start; mongosh waits for the port by itself.
await $`docker compose --progress quiet up -d --no-deps ferretdb ferretdb_readonly`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.runCommand({ buildInfo: 1 }).ferretdb.version'}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.runCommand({ buildInfo: 1 }).ferretdb.version'}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.upgrade.insertOne({ written: "after the upgrade" }).acknowledged'}`;
await $`until [ "$(mongosh ${mongoUri(27018)} --quiet --eval ${'db.upgrade.countDocuments()'})" = 4 ]; do sleep 1; done`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.upgrade.find({}, { _id: 0 }).toArray()'}`;
