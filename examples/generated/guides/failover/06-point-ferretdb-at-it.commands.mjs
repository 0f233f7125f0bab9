// --no-deps: without it, compose would start the old primary again, which ferretdb depends on.
await $`docker compose -f compose.yaml -f compose.failover.yaml --progress quiet up -d --no-deps ferretdb`;
