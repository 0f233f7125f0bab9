docker compose --progress quiet up -d --no-deps --wait postgres_replica
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.orders.countDocuments()'
