docker compose up -d ferretdb_readonly
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.find()'
