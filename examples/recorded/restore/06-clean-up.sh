docker rm -f -v ferretdb_restored postgres_restored
docker volume rm -f restored_data
docker compose -f compose.yaml -f compose.archive.yaml --progress quiet down --volumes
docker compose ps --all
docker volume ls --filter label=com.docker.compose.project=ferretdb-replication
rm -f restore-target
