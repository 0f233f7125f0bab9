docker compose --progress quiet down --volumes
docker compose ps --all
docker volume ls --filter label=com.docker.compose.project=ferretdb-replication
if grep -qsxF '# Written by the hardening guide (docs/hardening.mdx); its clean-up step removes this file.' .env; then rm .env; fi
