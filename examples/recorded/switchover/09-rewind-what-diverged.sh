docker compose run --rm --no-deps --user postgres --entrypoint pg_rewind postgres_primary --target-pgdata=/var/lib/postgresql/data --source-server="host=postgres_replica user=user password=$POSTGRES_PASSWORD dbname=postgres"
docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal
printf "primary_conninfo = 'host=postgres_replica user=replicator password=%s'\n" "$REPLICATION_PASSWORD" | docker compose run --rm -T --no-deps --user postgres --entrypoint sh postgres_primary -c 'cat >> /var/lib/postgresql/data/postgresql.auto.conf'
