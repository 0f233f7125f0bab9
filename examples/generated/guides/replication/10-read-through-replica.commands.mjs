await $`docker compose up -d ferretdb_readonly`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${'db.record.find()'}`;
