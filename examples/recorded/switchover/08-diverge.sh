docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_promote();'
docker exec postgres_primary psql -U user -d postgres -c 'CREATE TABLE written_on_the_wrong_server AS SELECT 1 AS n;'
docker compose stop postgres_primary
