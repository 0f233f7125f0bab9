await $`[ -e .env ] || (
  set -o noclobber && umask 077 &&
  printf '%s\\nPOSTGRES_PASSWORD=%s\\nREPLICATION_PASSWORD=%s\\n' ${envFileMarker} "$(openssl rand -hex 24)" "$(openssl rand -hex 24)" > .env
)`;
await $`set -a && . ./.env && set +a`;
// Each command of a script runs in a shell of its own: this does what the line above does in yours.
loadEnvFile();
await $`docker compose --progress quiet up -d --wait postgres_primary`;
