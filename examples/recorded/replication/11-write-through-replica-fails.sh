mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.insertOne({ username: "Grace Hopper" })'
