// -AtX: only the values, here the command's tag and the reload's `t`.
const setAndReload = (sql) =>
  $`docker exec postgres_primary psql -U user -d postgres -AtX -c ${sql} -c ${'SELECT pg_reload_conf();'}`;
await setAndReload("ALTER SYSTEM SET synchronous_commit = 'remote_apply';");

const insert = 'db.record.insertOne({ username: "Margaret Hamilton" }).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
const count = 'db.record.countDocuments({ username: "Margaret Hamilton" })';
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;

await setAndReload('ALTER SYSTEM RESET synchronous_commit;');
