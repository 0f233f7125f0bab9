await $`(
  set -o noclobber && umask 077 &&
  password="$(openssl rand -hex 24)" &&
  printf '%s\\nPOSTGRES_PASSWORD=%s\\n' ${envFileMarker} "$password" > .env
)`;
await $`ls -l .env | cut -c1-10`;

const setPassword = "ALTER ROLE CURRENT_USER PASSWORD :'new_password';";
await $`. ./.env && echo ${setPassword} | docker exec -i postgres_primary psql -U user -d postgres -v new_password="$POSTGRES_PASSWORD"`;

// Every service's environment changed, so compose recreates all four containers. The data stays in
// the named volumes, and PostgreSQL ignores POSTGRES_PASSWORD on a data directory that is not empty:
// the primary keeps the password just set, and the replica the one it replayed from the primary.
await $`docker compose --progress quiet up -d`;
await $`until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done`;
await $`lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done`;

const count = 'db.record.countDocuments()';
await $`. ./.env && mongosh ${mongoUri(27017, null)} -u user -p "$POSTGRES_PASSWORD" --quiet --eval ${count}`;
await $`. ./.env && mongosh ${mongoUri(27018, null)} -u user -p "$POSTGRES_PASSWORD" --quiet --eval ${count}`;
const old = await $`mongosh ${mongoUri(27017, 'password')} --quiet --eval ${count}`.nothrow();
