docker compose run --rm --no-deps --user postgres --entrypoint pg_rewind postgres_primary --target-pgdata=/var/lib/postgresql/data --source-server='host=postgres_replica user=user password=password dbname=postgres'
docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal
docker compose up -d --wait --no-deps postgres_primary
docker exec postgres_primary psql -U user -d postgres -c "ALTER SYSTEM SET primary_conninfo = 'host=postgres_replica user=replicator password=replicatorpassword';"
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_reload_conf();'
docker exec postgres_primary psql -U user -d postgres -c "SELECT pg_is_in_recovery(), to_regclass('written_on_the_wrong_server') AS diverged_table;"
