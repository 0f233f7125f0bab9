docker compose -f compose.yaml -f compose.failover.yaml --progress quiet up -d --no-deps ferretdb
