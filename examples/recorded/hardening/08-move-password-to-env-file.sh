(
  set -o noclobber && umask 077 &&
  password="$(openssl rand -hex 24)" &&
  printf '%s\nPOSTGRES_PASSWORD=%s\n' '# Written by the hardening guide (docs/hardening.mdx); its clean-up step removes this file.' "$password" > .env
)
ls -l .env | cut -c1-10
. ./.env && echo "ALTER ROLE CURRENT_USER PASSWORD :'new_password';" | docker exec -i postgres_primary psql -U user -d postgres -v new_password="$POSTGRES_PASSWORD"
docker compose up -d
. ./.env && mongosh mongodb://localhost:27017/ -u user -p "$POSTGRES_PASSWORD" --quiet --eval 'db.record.countDocuments()'
. ./.env && mongosh mongodb://localhost:27018/ -u user -p "$POSTGRES_PASSWORD" --quiet --eval 'db.record.countDocuments()'
mongosh mongodb://user:password@localhost:27017/ --quiet --eval 'db.record.countDocuments()'
