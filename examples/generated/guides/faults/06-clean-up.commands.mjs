// -v: also the anonymous volume each image declares (FerretDB's /state), which compose does not own.
await $`docker rm -f -v ferretdb_replica2 postgres_replica2 postgres_small_disk`;
await $`docker volume rm -f replica2_data`;
await $`docker compose down --volumes`;
