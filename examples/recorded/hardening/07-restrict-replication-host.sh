docker exec -u postgres postgres_primary sed -i 's/^host replication replicator samenet scram-sha-256$/host replication replicator postgres_replica.ferretdb scram-sha-256/' /var/lib/postgresql/data/pg_hba.conf
docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_reload_conf();'
docker exec postgres_primary psql -U user -d postgres -P footer=off -c "SELECT line_number, type, database, user_name, address, auth_method
  FROM pg_hba_file_rules WHERE 'replication' = ANY(database) ORDER BY line_number;"
docker run --rm --add-host host.docker.internal:host-gateway -e PGPASSWORD="$REPLICATION_PASSWORD" "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" psql 'host=host.docker.internal user=replicator replication=true' -c 'SHOW wal_level;'
