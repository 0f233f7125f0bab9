mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.insertOne({ username: "Grace Hopper" })'
