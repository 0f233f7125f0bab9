const insert = `const docs = Array.from({ length: 500 }, (_, i) => ({ batch: "paused", i }));
print(Object.keys(db.record.insertMany(docs).insertedIds).length);`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
