await $`docker compose run --rm --no-deps --user postgres --entrypoint pg_rewind postgres_primary --target-pgdata=/var/lib/postgresql/data --source-server=${'host=postgres_replica user=user password=password dbname=postgres'}`;
await $`docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal`;
await $`docker compose run --rm --no-deps --user postgres --entrypoint sh postgres_primary -c ${'echo "primary_conninfo = \'host=postgres_replica user=replicator password=replicatorpassword\'" >> /var/lib/postgresql/data/postgresql.auto.conf'}`;
await $`docker compose up -d --wait --no-deps postgres_primary`;
await $`until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${"SELECT pg_is_in_recovery(), to_regclass('written_on_the_wrong_server') AS diverged_table;"}`;
// The rewind copied the new primary's configuration too: wal_log_hints as each server has it now.
await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${'SHOW wal_log_hints;'}`;
await $`docker exec postgres_replica psql -U user -d postgres -AtXc ${'SHOW wal_log_hints;'}`;
