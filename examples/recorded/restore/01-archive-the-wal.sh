docker exec postgres_primary psql -U user -d postgres -c 'ALTER SYSTEM SET archive_mode = on;' -c 'ALTER SYSTEM SET archive_command = '\''test ! -f /var/lib/postgresql/archive/wal/%f && cp %p /var/lib/postgresql/archive/wal/%f'\'';'
docker compose -f compose.yaml -f compose.archive.yaml --progress quiet up -d --wait postgres_primary
docker exec postgres_primary install -d -o postgres -g postgres /var/lib/postgresql/archive/wal /var/lib/postgresql/archive/base
seg=$(docker exec postgres_primary psql -U user -d postgres -AtXc 'SELECT pg_walfile_name(pg_switch_wal())')
until docker exec postgres_primary test -f "/var/lib/postgresql/archive/wal/$seg"; do sleep 1; done
docker exec postgres_primary psql -U user -d postgres -c 'SELECT archived_count > 0 AS archiving, last_archived_wal IS NOT NULL AS has_archived FROM pg_stat_archiver;'
