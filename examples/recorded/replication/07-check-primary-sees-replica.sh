docker exec postgres_primary psql -U user -d postgres -x -c 'SELECT * FROM pg_stat_replication;'
