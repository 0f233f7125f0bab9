docker rm -f -v ferretdb_restored postgres_restored
docker volume rm -f restored_data
docker compose -f compose.yaml -f compose.archive.yaml down --volumes
rm -f restore-target
