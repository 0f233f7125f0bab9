docker compose --progress quiet up -d ferretdb_readonly
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.find()'
