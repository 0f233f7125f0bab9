await $`docker run -d --name ferretdb_restored --network ferretdb -p 27019:27017 -e FERRETDB_POSTGRESQL_URL="postgres://user:$POSTGRES_PASSWORD@postgres_restored:5432/postgres" -e FERRETDB_TELEMETRY=disable "$(docker inspect --format '{{.Config.Image}}' ferretdb)" > /dev/null`;
await $`mongosh ${mongoUri(27019)} --quiet --eval ${'db.orders.countDocuments()'}`;
await $`mongosh ${mongoUri(27019)} --quiet --eval ${'db.orders.getIndexes().map((index) => index.name)'}`;
await $`mongosh ${mongoUri(27019)} --quiet --eval ${'db.orders.countDocuments({ status: "written after the target" })'}`;
await $`mongosh ${mongoUri(27017)} --quiet --eval ${'db.getCollectionNames()'}`;
