docker exec postgres_primary psql -U user -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = '*';"
docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_reload_conf();'
