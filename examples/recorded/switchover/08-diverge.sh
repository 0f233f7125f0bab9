docker exec postgres_replica psql -U user -d postgres -c 'CHECKPOINT;'
lsn=$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'CHECKPOINT;'
docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_promote();'
docker exec postgres_primary psql -U user -d postgres -c 'CREATE TABLE written_on_the_wrong_server AS SELECT 1 AS n;'
docker compose --progress quiet stop postgres_primary
