mongosh 'mongodb://user:password@localhost:27018/?authMechanism=PLAIN' --quiet --eval 'db.record.insertOne({ username: "Grace Hopper" })'
