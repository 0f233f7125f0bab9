mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "Alan Turing", likes: 42 }).acknowledged'
