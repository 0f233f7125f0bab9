docker compose --progress quiet up -d --wait --no-deps postgres_primary
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_is_in_recovery();'
docker exec postgres_primary psql -U user -d postgres -c 'CREATE TABLE split_brain (n int);'
docker compose --progress quiet stop postgres_primary
