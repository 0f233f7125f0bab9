docker exec postgres_primary psql -U user -d postgres -c 'SELECT line_number, type, database, user_name, address, auth_method
  FROM pg_hba_file_rules ORDER BY line_number;'
