docker exec postgres_primary psql -U user -d postgres -c "SELECT pg_create_physical_replication_slot('replica_1');"
docker exec postgres_replica psql -U user -d postgres -AtX -c "ALTER SYSTEM SET primary_slot_name = 'replica_1';" -c 'SELECT pg_reload_conf();'
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT active FROM pg_replication_slots WHERE slot_name = 'replica_1'")" = t ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT slot_name, slot_type, active, wal_status FROM pg_replication_slots;'
