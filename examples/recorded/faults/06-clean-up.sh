docker rm -f -v ferretdb_replica2 postgres_replica2 postgres_small_disk
docker volume rm -f replica2_data
docker compose down --volumes
