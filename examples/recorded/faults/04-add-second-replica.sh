docker run --rm --network ferretdb -v replica2_data:/var/lib/postgresql/data -e PGPASSWORD="$REPLICATION_PASSWORD" "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" pg_basebackup -h postgres_primary -U replicator -D /var/lib/postgresql/data -R -X stream -c fast
docker run -d --name postgres_replica2 --network ferretdb -v replica2_data:/var/lib/postgresql/data -e POSTGRES_PASSWORD "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" > /dev/null
until [ "$(docker exec postgres_replica2 psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT usename, state, sync_state FROM pg_stat_replication;'
