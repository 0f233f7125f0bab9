docker compose --progress quiet stop ferretdb
docker compose --progress quiet stop postgres_primary
