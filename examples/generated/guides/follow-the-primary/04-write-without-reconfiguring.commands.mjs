const insert = 'db.record.insertOne({ username: "after the failover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.countDocuments()'}`;
