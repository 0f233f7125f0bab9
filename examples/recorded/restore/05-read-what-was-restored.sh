docker run -d --name ferretdb_restored --network ferretdb -p 27019:27017 -e FERRETDB_POSTGRESQL_URL="postgres://user:$POSTGRES_PASSWORD@postgres_restored:5432/postgres" -e FERRETDB_TELEMETRY=disable "$(docker inspect --format '{{.Config.Image}}' ferretdb)" > /dev/null
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27019/" --quiet --eval 'db.orders.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27019/" --quiet --eval 'db.orders.getIndexes().map((index) => index.name)'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27019/" --quiet --eval 'db.orders.countDocuments({ status: "written after the target" })'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.getCollectionNames()'
