docker compose --progress quiet down --volumes
docker compose ps --all
docker volume ls --filter label=com.docker.compose.project=ferretdb-replication
