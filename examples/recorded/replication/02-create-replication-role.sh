docker exec postgres_primary psql -U user -d postgres -c "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'replicatorpassword';"
