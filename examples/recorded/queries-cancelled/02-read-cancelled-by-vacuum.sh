mongosh mongodb://user:password@localhost:27018/ --quiet --eval 'db.orders.aggregate([{ $lookup: { from: "orders", let: { n: "$n" }, pipeline: [{ $match: { $expr: { $lt: ["$n", "$$n"] } } }], as: "smaller" } }, { $unwind: "$smaller" }, { $count: "pairs" }]).toArray()'
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.orders.updateMany({}, { $set: { status: "shipped" } }).modifiedCount'
table=$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT 'documentdb_data.documents_' || collection_id FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'orders'")
docker exec postgres_primary psql -U user -d postgres -c "VACUUM $table;"
docker exec postgres_replica psql -U user -d postgres -c "SELECT confl_snapshot FROM pg_stat_database_conflicts WHERE datname = 'postgres';"
