docker compose --progress quiet up -d --wait postgres_replica
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "Barbara Liskov", likes: 7 }).acknowledged'
