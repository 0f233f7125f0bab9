docker compose down --volumes
