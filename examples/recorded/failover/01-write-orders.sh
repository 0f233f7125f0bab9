mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'const docs = Array.from({ length: 5 }, (_, i) => ({ order: i + 1, status: "paid" }));
print(Object.keys(db.record.insertMany(docs).insertedIds).length);'
