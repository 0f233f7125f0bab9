mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'const docs = Array.from({ length: 500 }, (_, i) => ({ batch: "paused", i }));
print(Object.keys(db.record.insertMany(docs).insertedIds).length);'
