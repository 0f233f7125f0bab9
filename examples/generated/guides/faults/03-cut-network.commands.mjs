await $`docker network disconnect ferretdb postgres_replica`;

const insert =
  'db.record.insertMany(Array.from({ length: 100 }, (_, i) => ({ username: "load", i }))).acknowledged';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;

await $`docker network connect ferretdb postgres_replica`;
await streaming();
await caughtUp();

const count = 'db.record.countDocuments()';
await $`mongosh ${mongoUri(27017)} --quiet --eval ${count}`;
await $`mongosh ${mongoUri(27018)} --quiet --eval ${count}`;
