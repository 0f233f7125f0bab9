await $`docker compose --progress quiet up -d ferretdb_readonly`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.find()'}`;
