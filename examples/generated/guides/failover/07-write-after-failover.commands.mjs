const insert = 'db.record.insertOne({ order: 6, status: "paid after failover" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.countDocuments({ status: /^paid/ })'}`;
