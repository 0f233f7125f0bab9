docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal
docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_promote();'
docker compose -f compose.yaml -f compose.failover.yaml --progress quiet up -d --no-deps ferretdb
