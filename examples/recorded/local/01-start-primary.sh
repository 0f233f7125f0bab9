docker version --format {{.Server.APIVersion}}
docker image inspect ferretdb-guide/postgres:15-local
docker image inspect ferretdb-guide/ferretdb:1.24.2-local
docker compose up -d --wait postgres_primary
