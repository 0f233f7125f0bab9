docker exec postgres_primary psql -U user -d postgres -c "SELECT pg_create_physical_replication_slot('replica_1');"
docker exec postgres_replica psql -U user -d postgres -c "ALTER SYSTEM SET primary_slot_name = 'replica_1';" -c 'SELECT pg_reload_conf();'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT slot_name, slot_type, active, wal_status FROM pg_replication_slots;'
