await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_promote();'}`;
