const onOld = (sql) => $`docker exec postgres_primary psql -U user -d postgres -c ${sql}`;
await onOld('SELECT pg_promote();');
await onOld('CREATE TABLE written_on_the_wrong_server AS SELECT 1 AS n;');
await $`docker compose stop postgres_primary`;
