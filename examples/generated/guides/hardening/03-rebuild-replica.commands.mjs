await $`docker compose stop postgres_replica`;
await $`docker exec postgres_primary sh -c ${'rm -rf /tmp/replica_backup/*'}`;
await $`docker exec -e PGPASSWORD=replicatorpassword postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast`;
await $`docker compose start postgres_replica`;
await streaming();
await caughtUp();

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
