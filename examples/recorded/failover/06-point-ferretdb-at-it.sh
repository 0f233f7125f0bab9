docker compose -f compose.yaml -f compose.failover.yaml up -d --no-deps ferretdb
