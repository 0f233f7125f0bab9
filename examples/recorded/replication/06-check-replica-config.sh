docker exec postgres_replica ls /var/lib/postgresql/data/standby.signal
docker exec postgres_replica psql -U user -d postgres -c 'SHOW primary_conninfo;'
