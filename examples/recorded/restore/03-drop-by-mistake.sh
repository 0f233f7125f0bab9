mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.orders.insertMany(Array.from({ length: 1000 }, (_, n) => ({ n, status: n % 2 ? "paid" : "shipped" }))).acknowledged'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.orders.createIndex({ status: 1 })'
date -u +'%Y-%m-%d %H:%M:%S.%6N+00' > restore-target
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.orders.insertOne({ n: 1000, status: "written after the target" }).acknowledged'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.orders.drop()'
seg=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_walfile_name(pg_switch_wal())')
until docker exec postgres_primary test -f "/var/lib/postgresql/archive/wal/$seg"; do sleep 1; done
