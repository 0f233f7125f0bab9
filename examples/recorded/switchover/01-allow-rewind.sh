docker exec postgres_primary psql -U user -d postgres -c 'ALTER SYSTEM SET wal_log_hints = on;'
docker compose restart postgres_primary
docker exec postgres_primary psql -U user -d postgres -c 'SHOW wal_log_hints;'
