await $`docker compose --progress quiet up -d ferretdb`;
const insert = readFileSync(
  new URL('../../mongosh/insert-record.js', import.meta.url),
  'utf8',
).trim();
await $`mongosh ${mongoUri(27017)} --quiet --eval ${insert}`;
