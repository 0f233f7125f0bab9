docker compose --progress quiet down --volumes
docker compose ps --all
docker volume ls --filter label=com.docker.compose.project=ferretdb-replication
if grep -qsxF "# Written by step 1 of the replication guide (docs/replication.mdx); each page's clean-up removes it." .env; then rm .env; fi
