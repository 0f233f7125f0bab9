docker run -d --name postgres_small_disk --network ferretdb --mount type=tmpfs,destination=/var/lib/postgresql/data,tmpfs-size=167772160 -e PGPASSWORD="$REPLICATION_PASSWORD" -e POSTGRES_PASSWORD "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" bash -c 'pg_basebackup -h postgres_primary -U replicator -D "$PGDATA" -R -X stream -c fast && exec docker-entrypoint.sh postgres' > /dev/null
until [ "$(docker exec postgres_small_disk psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT count(pg_logical_emit_message(true, 'filler', repeat('x', 1000000))) FROM generate_series(1, 150);"
until docker logs postgres_small_disk 2>&1 | grep -q 'No space left on device'; do sleep 1; done
docker logs postgres_small_disk 2>&1 | awk 'match($0, /FATAL: .*No space left on device/) && !seen++ { print substr($0, RSTART, RLENGTH) }'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "after the disk filled" }).acknowledged'
lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.countDocuments()'
