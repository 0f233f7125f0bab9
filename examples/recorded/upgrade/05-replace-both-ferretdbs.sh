docker compose --progress quiet up -d --no-deps ferretdb ferretdb_readonly
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.runCommand({ buildInfo: 1 }).ferretdb.version'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.runCommand({ buildInfo: 1 }).ferretdb.version'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.upgrade.insertOne({ written: "after the upgrade" }).acknowledged'
until [ "$(mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.upgrade.countDocuments()')" = 4 ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.upgrade.find({}, { _id: 0 }).toArray()'
