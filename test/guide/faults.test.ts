/**
 * The faults guide, run for real from where the replication guide's step 11 leaves off: a replica
 * restart, a primary restart, a network cut and a second replica. After each, the documents are
 * counted through FerretDB on both sides, and the replica is checked to stream from the primary.
 */
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftovers, psqlRows } from '../lib/compose-project';
import {
  ferretdb,
  prepareReplication,
  recordCounts,
  profile,
  runAndCompare as compare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
} from '../lib/guide-harness';

const guide = 'faults';
const step = stepsOf(guide);
const runAndCompare = (id: string) => compare(step(id));

/** The documents themselves, in _id order, so "no data lost" means the same documents, not only as many. */
async function documents(port: number) {
  const client = ferretdb(port);
  try {
    return await client.db('test').collection('record').find().sort({ _id: 1 }).toArray();
  } finally {
    await client.close();
  }
}

/** What step 04 starts outside compose; `compose down` cannot remove the network while they run. */
async function removeSecondReplica(): Promise<void> {
  await $({ quiet: true, nothrow: true })`docker rm -f -v ferretdb_replica2 postgres_replica2`;
  await $({ quiet: true, nothrow: true })`docker volume rm -f replica2_data`;
}

describe.sequential(`the faults guide (profile ${profile})`, () => {
  useCleanProject();
  beforeAll(async () => {
    await removeSecondReplica();
    await prepareReplication();
  });
  // Registered after useCleanProject: vitest runs afterAll hooks last-registered first.
  afterAll(removeSecondReplica);

  it('01 restarts the replica, which catches up with what was written while it was down', async () => {
    await runAndCompare('01-restart-replica');
    expect(await recordCounts(27017, 27018)).toEqual([101, 101]);
    expect(await documents(27018)).toEqual(await documents(27017));
  });

  it('02 restarts the primary, and the replica reconnects by itself', async () => {
    await runAndCompare('02-restart-primary');
    expect(
      await psqlRows('postgres_replica', 'SELECT status, sender_host FROM pg_stat_wal_receiver'),
    ).toEqual([['streaming', 'postgres_primary']]);
    expect(await recordCounts(27017, 27018)).toEqual([201, 201]);
    expect(await documents(27018)).toEqual(await documents(27017));
  });

  it('03 cuts the replica off the network, and replication heals once it is back', async () => {
    await runAndCompare('03-cut-network');
    expect(
      await psqlRows('postgres_primary', 'SELECT usename, state FROM pg_stat_replication'),
    ).toEqual([['replicator', 'streaming']]);
    expect(await recordCounts(27017, 27018)).toEqual([301, 301]);
    expect(await documents(27018)).toEqual(await documents(27017));
  });

  it('04 adds a second replica that streams too, and both replicas have every document', async () => {
    await runAndCompare('04-add-second-replica');
    expect(
      await psqlRows('postgres_primary', 'SELECT usename, state FROM pg_stat_replication'),
    ).toEqual([
      ['replicator', 'streaming'],
      ['replicator', 'streaming'],
    ]);
    await expect
      .poll(() => recordCounts(27017, 27018, 27019), { timeout: 30_000 })
      .toEqual([401, 401, 401]);
    expect(await documents(27019)).toEqual(await documents(27017));
  });

  it('05 removes everything it created', async () => {
    await runAndCompare('05-clean-up');
    expect(await leftovers()).toEqual([]);
    const rest = await $({
      quiet: true,
    })`docker ps -a --filter name=replica2 --format {{.Names}}`;
    expect(rest.stdout.trim()).toBe('');
    const volume = await $({ quiet: true, nothrow: true })`docker volume inspect replica2_data`;
    expect(volume.exitCode).toBe(1);
  });

  itComparedEveryStep('faults');
});
