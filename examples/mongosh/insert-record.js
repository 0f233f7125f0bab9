db.record.insertOne({
  username: "Ada Lovelace",
  content: "Enjoying the beautiful weather today! 🌞 #sunnyday",
  likes: 120,
  timestamp: new Date(),
});
