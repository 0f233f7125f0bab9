docker exec postgres_primary psql -U user -d postgres -c "SELECT name, setting, unit FROM pg_settings
  WHERE name IN ('wal_level', 'max_wal_senders', 'wal_keep_size', 'listen_addresses')
  ORDER BY name;"
docker exec postgres_primary psql -U user -d postgres -c "SELECT type, database, user_name, address, auth_method FROM pg_hba_file_rules
  WHERE 'replication' = ANY(database) AND type = 'host';"
