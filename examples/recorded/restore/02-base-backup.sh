docker exec -u postgres postgres_primary pg_basebackup -U user -D /var/lib/postgresql/archive/base -Ft -z -X fetch -c fast
docker exec postgres_primary ls /var/lib/postgresql/archive/base
