const insert = 'db.record.insertOne({ username: "Grace Hopper" })';
const write = await $`mongosh ${mongoUri(27018)} --quiet --eval ${insert}`.nothrow();
