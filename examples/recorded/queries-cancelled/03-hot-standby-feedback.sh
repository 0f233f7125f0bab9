docker exec postgres_replica psql -U user -d postgres -AtX -c 'ALTER SYSTEM SET hot_standby_feedback = on;' -c 'SELECT pg_reload_conf();'
(mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.orders.aggregate([{ $lookup: { from: "orders", let: { n: "$n" }, pipeline: [{ $match: { $expr: { $lt: ["$n", "$$n"] } } }], as: "smaller" } }, { $unwind: "$smaller" }, { $count: "pairs" }]).toArray()'; echo "the read exited with $?") > long-read.log 2>&1 &
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active' AND query LIKE '%aggregate%'")" = 1 ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.orders.updateMany({}, { $set: { status: "delivered" } }).modifiedCount'
table=$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT 'documentdb_data.documents_' || collection_id FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'orders'")
docker exec postgres_primary psql -U user -d postgres -c "VACUUM (VERBOSE) $table;" 2>&1 | grep 'tuples:'
