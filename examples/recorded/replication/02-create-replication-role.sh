echo "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';" | docker exec -i postgres_primary psql -U user -d postgres -v ON_ERROR_STOP=1 -v password="$REPLICATION_PASSWORD"
