// -v: also the anonymous volume FerretDB's image declares (/state), which compose does not own.
await $`docker rm -f -v ferretdb_restored postgres_restored`;
await $`docker volume rm -f restored_data`;
await $`docker compose -f compose.yaml -f compose.archive.yaml down --volumes`;
await $`rm -f restore-target`;
