docker compose --progress quiet up -d ferretdb
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({
  username: "Ada Lovelace",
  content: "Enjoying the beautiful weather today! 🌞 #sunnyday",
  likes: 120,
  timestamp: new Date(),
});'
