docker compose up -d --wait postgres_primary
