docker exec postgres_replica ls /var/lib/postgresql/data/standby.signal
docker exec postgres_replica psql -U user -d postgres -AtXc 'SHOW primary_conninfo' | tr ' ' '\n' | grep -E '^(host|port|user)='
