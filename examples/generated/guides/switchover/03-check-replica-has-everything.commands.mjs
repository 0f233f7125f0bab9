await $`lsn=$(docker compose run --rm --no-deps --entrypoint pg_controldata postgres_primary | sed -n 's/^Latest checkpoint location: *//p')
docker exec postgres_replica psql -U user -d postgres -c "SELECT '$lsn'::pg_lsn AS primary_stopped_at, pg_last_wal_replay_lsn() > '$lsn'::pg_lsn AS replica_has_everything"`;
