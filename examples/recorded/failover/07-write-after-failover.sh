mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ order: 6, status: "paid after failover" }).acknowledged'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.countDocuments({ status: /^paid/ })'
