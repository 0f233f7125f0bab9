#!/bin/bash
# Entrypoint of the locally built PostgreSQL + DocumentDB image. It keeps the contract of the
# official postgres image (which FerretDB's postgres-documentdb image is built on), so the guide's
# compose file and commands behave the same on either build:
#   - POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, data in $PGDATA (/var/lib/postgresql/data);
#   - initdb only when the data directory is empty, with initdb's default trust for connections
#     from inside the container (socket and loopback), and `host all all all scram-sha-256`
#     appended for everything else, as the official image leaves them;
#   - scripts in /docker-entrypoint-initdb.d run once, at first init, against a server that
#     listens on its socket only (*.sh executed or sourced, *.sql through psql);
#   - ownership of the data directory fixed at start (the guide's pg_basebackup writes it as
#     root), and the server running as the postgres user, as PID 1.
# Like the official one it can be sourced: FerretDB's 10-preload.sh (copied into
# /docker-entrypoint-initdb.d from DocumentDB's source) sources it to restart the temporary
# server with its shared_preload_libraries.
set -Eeo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"
export PGDATA

docker_temp_server_start() {
  if [ "${1:-}" = 'postgres' ]; then shift; fi
  # Socket only, so nothing outside sees a half-initialised database.
  set -- "$@" -c listen_addresses='' -p "${PGPORT:-5432}"
  PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -o "$(printf '%q ' "$@")" -w start >/dev/null
}

docker_temp_server_stop() {
  PGUSER="${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
}

docker_process_sql() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc \
    --dbname "${POSTGRES_DB}" "$@"
}

_init_database() {
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo 'error: the data directory is empty and POSTGRES_PASSWORD is not set.' >&2
    echo '  what to do: set POSTGRES_PASSWORD (and optionally POSTGRES_USER, POSTGRES_DB) to initialise it.' >&2
    exit 1
  fi
  echo "entrypoint: initialising $PGDATA for user '$POSTGRES_USER'"
  # No --auth: initdb's default trusts the socket and loopback, as in the official image.
  # pg_cron's jobs connect over loopback, and would fail every second with a password rule.
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null 2>&1
  printf '\nhost all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >>"$PGDATA/pg_hba.conf"

  export PGPASSWORD="$POSTGRES_PASSWORD"
  docker_temp_server_start "$@"
  if [ "$POSTGRES_DB" != 'postgres' ]; then
    # psql interpolates :"db" (a quoted identifier) only in a script, not in -c.
    echo 'CREATE DATABASE :"db"' | POSTGRES_DB=postgres docker_process_sql --set db="$POSTGRES_DB" >/dev/null
  fi
  local file
  for file in /docker-entrypoint-initdb.d/*; do
    [ -e "$file" ] || continue
    case "$file" in
      *.sh)
        echo "entrypoint: running $file"
        if [ -x "$file" ]; then "$file" "$@"; else . "$file"; fi
        ;;
      *.sql)
        echo "entrypoint: running $file"
        docker_process_sql -f "$file" >/dev/null
        ;;
      *) echo "entrypoint: ignoring $file" ;;
    esac
  done
  docker_temp_server_stop
  unset PGPASSWORD
  echo 'entrypoint: initialisation complete'
}

_main() {
  if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi
  if [ "${1:-}" != 'postgres' ]; then exec "$@"; fi

  # As root: fix ownership and permissions, then come back as postgres.
  if [ "$(id -u)" = '0' ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown -R postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    chmod 3777 /var/run/postgresql
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
  fi

  export POSTGRES_USER="${POSTGRES_USER:-postgres}"
  export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    _init_database "$@"
  else
    echo "entrypoint: $PGDATA already holds a cluster; skipping initialisation"
  fi
  # exec, so that postgres is PID 1 and receives the stop signal itself.
  exec "$@"
}

# Sourced (by an init script) only defines the functions above.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  _main "$@"
fi
