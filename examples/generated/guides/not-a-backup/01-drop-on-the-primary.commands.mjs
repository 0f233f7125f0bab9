const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;

await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.record.drop()'}`;
// Wait until the replica has replayed everything the primary has flushed (a second or less).
await caughtUp();

await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.getCollectionNames()'}`;
