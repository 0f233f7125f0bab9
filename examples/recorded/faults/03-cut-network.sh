docker network disconnect ferretdb postgres_replica
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged'
docker network connect ferretdb postgres_replica
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.countDocuments()'
