docker compose up -d --wait postgres_replica
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertOne({ username: "Barbara Liskov", likes: 7 }).acknowledged'
