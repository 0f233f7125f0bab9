#!/usr/bin/env node
// An application on the guide's topology: it writes orders through the FerretDB on the primary
// (port 27017) and reads through the read-only FerretDB on the replica (port 27018), with the
// MongoDB Node.js driver. After each acknowledged write it reads the order back at once from the
// replica, which may not have it yet (a stale read), and from the primary, which always has it
// (reading your own writes).
//
// Usage: node read-after-write.mjs [--writes 200] [--give-up-ms 5000]
// Needs the `mongodb` package (npm install mongodb) and the guide's four services running.
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { postgresPassword } from '../lib/password.mjs';

const { values } = parseArgs({
  options: {
    writes: { type: 'string', default: '200' },
    'give-up-ms': { type: 'string', default: '5000' },
  },
});
const writes = Number(values.writes);
const giveUpMs = Number(values['give-up-ms']);
if (!Number.isInteger(writes) || writes < 1 || !Number.isFinite(giveUpMs) || giveUpMs < 0) {
  console.error(
    'error: --writes takes a whole number of 1 or more, --give-up-ms a number of 0 or more',
  );
  process.exit(2);
}

// FerretDB checks the name and password against PostgreSQL's role of that name.
const credentials = `user:${encodeURIComponent(postgresPassword())}`;
const primary = new MongoClient(`mongodb://${credentials}@localhost:27017/`);
const replica = new MongoClient(`mongodb://${credentials}@localhost:27018/`);
const ordersOn = (client) => client.db('shop').collection('orders');

/** Milliseconds until the order is readable through `client`, or null after giveUpMs. */
async function visibleAfter(client, _id, since) {
  while (performance.now() - since < giveUpMs) {
    if (await ordersOn(client).findOne({ _id })) return performance.now() - since;
  }
  return null;
}

try {
  let staleOnReplica = 0;
  let neverOnReplica = 0;
  let slowestMs = 0;
  let missingOnPrimary = 0;
  for (let n = 1; n <= writes; n += 1) {
    const { insertedId } = await ordersOn(primary).insertOne({ n, status: 'placed' });
    const acknowledgedAt = performance.now();
    // Right after the acknowledgement, the replica may not have replayed the write yet.
    const fromReplica = await ordersOn(replica).findOne({ _id: insertedId });
    // Read your own writes from the primary: it acknowledged the write, so it has it.
    const fromPrimary = await ordersOn(primary).findOne({ _id: insertedId });
    if (!fromPrimary) missingOnPrimary += 1;
    if (!fromReplica) {
      staleOnReplica += 1;
      const after = await visibleAfter(replica, insertedId, acknowledgedAt);
      if (after === null) neverOnReplica += 1;
      else slowestMs = Math.max(slowestMs, after);
    }
  }
  console.log(
    `${writes} orders written through the primary, each read back right after its acknowledgement:`,
  );
  console.log(`  from the primary: ${writes - missingOnPrimary} of ${writes} found`);
  console.log(
    `  from the replica: ${writes - staleOnReplica} of ${writes} found (stale reads: ${staleOnReplica})`,
  );
  if (staleOnReplica > 0) {
    console.log(
      `  the stale ones appeared on the replica within ${slowestMs.toFixed(1)} ms; ${neverOnReplica} not within ${giveUpMs} ms`,
    );
  }
  process.exitCode = missingOnPrimary === 0 ? 0 : 1;
} finally {
  await Promise.all([primary.close(), replica.close()]);
}
