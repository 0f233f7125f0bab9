docker exec -u postgres postgres_primary sed -i 's/^host replication replicator samenet scram-sha-256$/host replication replicator postgres_replica.ferretdb scram-sha-256/' /var/lib/postgresql/data/pg_hba.conf
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_reload_conf();'
docker exec postgres_primary psql -U user -d postgres -c "SELECT line_number, type, database, user_name, address, auth_method
  FROM pg_hba_file_rules WHERE 'replication' = ANY(database) ORDER BY line_number;"
docker run --rm --add-host host.docker.internal:host-gateway -e PGPASSWORD=replicatorpassword "$(docker inspect --format '{{.Config.Image}}' postgres_primary)" psql 'host=host.docker.internal user=replicator replication=true' -c 'SHOW wal_level;'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_terminate_backend(pid) FROM pg_stat_replication;'
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT usename, state FROM pg_stat_replication;'
