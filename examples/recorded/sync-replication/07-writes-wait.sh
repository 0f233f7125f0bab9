docker exec postgres_primary timeout --foreground --preserve-status -s INT 3 psql -q -U user -d postgres -c 'CREATE TABLE sync_probe (n int);'
