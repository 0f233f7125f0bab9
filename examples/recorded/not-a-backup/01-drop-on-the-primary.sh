mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.drop()'
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.getCollectionNames()'
