docker compose up -d ferretdb_readonly
mongosh 'mongodb://user:password@localhost:27018/?authMechanism=PLAIN' --quiet --eval 'db.record.find()'
