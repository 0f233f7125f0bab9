docker compose --progress quiet start postgres_replica
until docker logs postgres_replica 2>&1 | grep -q 'has already been removed'; do sleep 1; done
docker logs postgres_replica 2>&1 | grep -o 'requested WAL segment .* has already been removed' | uniq
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.countDocuments()'
