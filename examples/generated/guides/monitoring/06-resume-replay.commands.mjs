await $`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT pg_wal_replay_resume();'}`;
// Replay of a few hundred documents takes well under a second: wait until it is done.
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;
