docker compose up -d --no-deps --wait postgres_replica
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.orders.countDocuments()'
