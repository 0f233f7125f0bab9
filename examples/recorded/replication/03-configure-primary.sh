docker exec postgres_primary psql -U user -d postgres -c "ALTER SYSTEM SET wal_keep_size = '64MB';"
docker exec postgres_primary sh -c "grep -qxF 'host replication replicator samenet scram-sha-256' /var/lib/postgresql/data/pg_hba.conf || echo 'host replication replicator samenet scram-sha-256' >> /var/lib/postgresql/data/pg_hba.conf"
docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_reload_conf();'
