[ -e .env ] || (
  set -o noclobber && umask 077 &&
  printf '%s\nPOSTGRES_PASSWORD=%s\nREPLICATION_PASSWORD=%s\n' "# Written by step 1 of the replication guide (docs/replication.mdx); each page's clean-up removes it." "$(openssl rand -hex 24)" "$(openssl rand -hex 24)" > .env
)
set -a && . ./.env && set +a
docker compose --progress quiet up -d --wait postgres_primary
