docker compose stop postgres_replica
docker exec postgres_primary psql -U user -d postgres -c 'SELECT application_name, state FROM pg_stat_replication;'
docker compose up -d --wait --no-deps postgres_replica
docker exec postgres_primary psql -U user -d postgres -c 'SELECT application_name, state FROM pg_stat_replication;'
