(
  set -o noclobber && umask 077 &&
  password="$(openssl rand -hex 24)" &&
  printf '%s\nPOSTGRES_PASSWORD=%s\n' '# Written by the hardening guide (docs/hardening.mdx); its clean-up step removes this file.' "$password" > .env
)
ls -l .env | cut -c1-10
. ./.env && echo "ALTER ROLE CURRENT_USER PASSWORD :'new_password';" | docker exec -i postgres_primary psql -U user -d postgres -v new_password="$POSTGRES_PASSWORD"
docker compose --progress quiet up -d
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc 'SELECT status FROM pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; do sleep 1; done
lsn=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_current_wal_lsn()')
until [ "$(docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_last_wal_replay_lsn() >= '$lsn'" 2>/dev/null)" = t ]; do sleep 1; done
. ./.env && mongosh mongodb://localhost:27017/ -u user -p "$POSTGRES_PASSWORD" --quiet --eval 'db.record.countDocuments()'
. ./.env && mongosh mongodb://localhost:27018/ -u user -p "$POSTGRES_PASSWORD" --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.countDocuments()'
