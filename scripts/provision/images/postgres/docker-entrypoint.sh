#!/bin/bash
# Entrypoint of the locally built PostgreSQL image. It honours the parts of the official postgres
# image's contract that the guide relies on, so the same compose file works with either image:
#   POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, data in $PGDATA (/var/lib/postgresql/data),
#   initdb only when the data directory is empty, local connections trusted, host connections
#   scram-sha-256, listen_addresses='*', ownership of the data directory fixed at start (the guide's
#   pg_basebackup writes it as root), and the server running as the postgres user.
set -Eeuo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"
export PGDATA

if [ "${1:-}" != 'postgres' ]; then
  exec "$@"
fi

# As root: fix ownership and permissions, then come back as postgres.
if [ "$(id -u)" = '0' ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  chmod 2775 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo 'error: the data directory is empty and POSTGRES_PASSWORD is not set.' >&2
    echo '  Set POSTGRES_PASSWORD (and optionally POSTGRES_USER, POSTGRES_DB) to initialise it.' >&2
    exit 1
  fi
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  echo "entrypoint: initialising $PGDATA for user '$user'"
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  if [ "$db" != 'postgres' ]; then
    # A server on the socket only, so nothing from outside sees a half-initialised database.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    # psql interpolates :"db" (quoted identifier) only in a script, not in -c.
    echo 'CREATE DATABASE :"db"' |
      psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres --set db="$db" >/dev/null
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo 'entrypoint: initialisation complete'
else
  echo "entrypoint: $PGDATA already holds a cluster; skipping initialisation"
fi

# exec, so that postgres is PID 1 and receives the stop signal itself.
exec "$@"
