docker compose stop ferretdb
docker compose stop postgres_primary
