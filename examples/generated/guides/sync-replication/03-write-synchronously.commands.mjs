const insert = 'db.record.insertOne({ username: "Alan Turing", likes: 42 }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
