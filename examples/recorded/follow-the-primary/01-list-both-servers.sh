docker compose -f compose.yaml -f compose.follow.yaml up -d --no-deps ferretdb
docker compose -f compose.yaml -f compose.follow.yaml up -d --no-deps ferretdb_readonly
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertOne({ username: "before the failover" }).acknowledged'
