const psql = (sql) => $`docker exec postgres_primary psql -U user -d postgres -c ${sql}`;
await psql("ALTER SYSTEM SET synchronous_commit = 'remote_apply';");
await psql('SELECT pg_reload_conf();');

const insert = 'db.record.insertOne({ username: "Margaret Hamilton" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
const count = 'db.record.countDocuments({ username: "Margaret Hamilton" })';
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;

await psql('ALTER SYSTEM RESET synchronous_commit;');
await psql('SELECT pg_reload_conf();');
