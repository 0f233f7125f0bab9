docker compose down --volumes
rm .env
