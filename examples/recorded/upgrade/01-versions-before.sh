for server in postgres_primary postgres_replica; do docker exec $server psql -U user -d postgres -AtXc "SELECT '$server: ' || string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) || '; binary ' || documentdb_api.binary_extended_version() FROM pg_extension WHERE extname LIKE 'documentdb%'"; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.runCommand({ buildInfo: 1 }).ferretdb.version'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.runCommand({ buildInfo: 1 }).ferretdb.version'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.upgrade.insertOne({ written: "before the upgrade" }).acknowledged'
until [ "$(mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.upgrade.countDocuments()')" = 1 ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.upgrade.find({}, { _id: 0 }).toArray()'
