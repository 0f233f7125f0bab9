docker exec postgres_replica psql -U user -d postgres -AtXc "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active';"
until [ ! -e long-read.log ] || grep -q '^the read exited' long-read.log; do sleep 1; done
cat long-read.log && rm long-read.log
