#!/usr/bin/env node
// What a MongoDB driver learns from each FerretDB of the guide's topology, and what it does with a
// read preference. A driver routes reads to a secondary only when a replica set's members say which
// of them are secondaries; this program prints what each FerretDB answers to `hello`, the handshake
// that says it, and which server the driver then uses.
//
// Usage: node what-a-driver-sees.mjs
// Needs the `mongodb` package (npm install mongodb) and the guide's four services running.
import { MongoClient } from 'mongodb';
import { postgresPassword } from '../lib/password.mjs';

const credentials = `user:${encodeURIComponent(postgresPassword())}`;
const absent = (value) => (value === undefined ? 'absent' : JSON.stringify(value));

/** Runs `use` with a client of `hosts` and `options`; the servers the driver ended up knowing. */
async function withClient(hosts, options, use) {
  const client = new MongoClient(`mongodb://${credentials}@${hosts}/${options}`);
  let servers = [];
  // The driver's own view of the deployment, as it changes: its public monitoring events.
  client.on('topologyDescriptionChanged', (event) => {
    servers = [...event.newDescription.servers.values()].filter((s) => s.type !== 'Unknown');
  });
  try {
    await use(client);
    return servers;
  } finally {
    await client.close();
  }
}

for (const port of [27017, 27018]) {
  await withClient(`localhost:${port}`, '', async (client) => {
    const hello = await client.db('admin').command({ hello: 1 });
    console.log(
      `localhost:${port} answers hello with isWritablePrimary ${hello.isWritablePrimary}, ` +
        `secondary ${absent(hello.secondary)}, setName ${absent(hello.setName)}, hosts ${absent(hello.hosts)}`,
    );
  });
}

const primaryOnly = await withClient('localhost:27017', '?readPreference=secondary', (client) =>
  client.db('shop').collection('orders').findOne(),
);
console.log(
  `readPreference=secondary with localhost:27017 alone: the driver's only server is ${primaryOnly
    .map((server) => `${server.address} (${server.type})`)
    .join(', ')}, and the read went there`,
);

const both = await withClient('localhost:27017,localhost:27018', '', (client) =>
  client.db('admin').command({ ping: 1 }),
);
console.log(
  `both FerretDBs in one connection string: the driver kept ${both.length} of the 2, a ${both[0]?.type}`,
);
