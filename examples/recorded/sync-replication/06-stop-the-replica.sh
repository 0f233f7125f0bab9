docker compose --progress quiet stop postgres_replica
