docker compose -f compose.yaml -f compose.follow.yaml --progress quiet up -d --no-deps ferretdb
docker compose -f compose.yaml -f compose.follow.yaml --progress quiet up -d --no-deps ferretdb_readonly
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "before the failover" }).acknowledged'
