docker compose up -d ferretdb
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertOne({
  username: "Ada Lovelace",
  content: "Enjoying the beautiful weather today! 🌞 #sunnyday",
  likes: 120,
  timestamp: new Date(),
});'
