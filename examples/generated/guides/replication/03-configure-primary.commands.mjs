const walKeepSize = "ALTER SYSTEM SET wal_keep_size = '64MB';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${walKeepSize}`;

const hbaLine = 'host replication replicator samenet scram-sha-256';
const hbaFile = '/var/lib/postgresql/data/pg_hba.conf';
const addOnce = `grep -qxF '${hbaLine}' ${hbaFile} || echo '${hbaLine}' >> ${hbaFile}`;
await $`docker exec postgres_primary sh -c ${addOnce}`;

await $`docker exec postgres_primary psql -U user -d postgres -AtXc ${'SELECT pg_reload_conf();'}`;
