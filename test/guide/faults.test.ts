/**
 * The faults guide, run for real from where the replication guide's step 11 leaves off: a replica
 * restart under a reading client, a primary restart under a writing client, a network cut, a
 * second replica and a replica whose disk fills up. After each, the documents are counted through
 * FerretDB on both sides, and the replica is checked to stream from the primary.
 */
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideTheRestart, startClient, summarise, type ClientSummary } from '../lib/client-load';
import { leftovers, psqlRows, caughtUp } from '../lib/compose-project';
import type { Outcome } from '../lib/writer-log';
import {
  ferretdb,
  itStartsFromTheReplicationGuide,
  recordCounts,
  documents,
  profile,
  runAndCompare as compare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
  checkMeasuredFact,
} from '../lib/guide-harness';

const guide = 'faults';
const step = stepsOf(guide);
const runAndCompare = (id: string) => compare(step(id));

/** What steps 04 and 05 start outside compose; `compose down` cannot remove the network while they run. */
async function removeSecondReplica(): Promise<void> {
  await $({
    quiet: true,
    nothrow: true,
  })`docker rm -f -v ferretdb_replica2 postgres_replica2 postgres_small_disk`;
  await $({ quiet: true, nothrow: true })`docker volume rm -f replica2_data`;
}

/** When a container last started: the same after a step means it was neither restarted nor recreated. */
async function startedAt(container: string): Promise<string> {
  const out = await $({ quiet: true })`docker inspect -f {{.State.StartedAt}} ${container}`;
  return out.stdout.trim();
}

/** The seq of every document in test.load, through the FerretDB on a port. */
async function loadSeqs(port: number): Promise<number[]> {
  const client = ferretdb(port);
  try {
    const docs = await client.db('test').collection('load').find().toArray();
    return docs.map((d) => d.seq as number);
  } finally {
    await client.close();
  }
}

/** Resolves once `test` holds, checked every 20 ms; fails after 60 s. */
async function until(test: () => boolean): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > 60_000) throw new Error('timed out waiting for the client');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs a step while a client keeps using the FerretDB container published on `port`: the client
 * fails only while the step runs, succeeds again afterwards, and nobody restarted that FerretDB.
 */
async function underClient(
  container: string,
  port: number,
  kind: 'read' | 'write',
  id: string,
): Promise<Outcome[]> {
  const started = await startedAt(container);
  const client = ferretdb(port, { serverSelectionTimeoutMS: 2000 });
  try {
    const run = startClient(client, kind);
    await until(() => run.outcomes.length >= 20);
    const from = Date.now();
    await runAndCompare(id);
    const to = Date.now();
    await until(() => run.outcomes.filter((o) => o.at > to && !o.error).length >= 20);
    const outcomes = await run.stop();
    expect(outsideTheRestart(outcomes, { from, to })).toEqual([]);
    expect(await startedAt(container)).toBe(started);
    return outcomes;
  } finally {
    await client.close();
  }
}

/** What the clients saw, for the page: filled by tests 01 and 02. */
const underRestarts: {
  reader?: ClientSummary;
  writer?: ClientSummary;
  lost?: number;
  /** Refused writes that are on the primary all the same. */
  committedAnyway?: number;
} = {};

function describeClients(seen: typeof underRestarts): string {
  const { reader, writer } = seen;
  if (!reader || !writer) throw new Error('both clients must have run');
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  return [
    `reading client, replica restarted: ${reader.succeeded} reads answered, ${reader.failed} failed (over ${seconds(reader.failingForMs)} s), at most ${seconds(reader.longestWithoutSuccessMs)} s without an answer; the read-only FerretDB was not restarted`,
    `writing client, primary restarted: ${writer.succeeded} writes acknowledged, ${writer.failed} refused (over ${seconds(writer.failingForMs)} s), at most ${seconds(writer.longestWithoutSuccessMs)} s without an acknowledgement, ${seen.lost} acknowledged writes lost, ${seen.committedAnyway} of the refused ones committed all the same; FerretDB was not restarted`,
    ...(reader.firstError ? [`first error the reader saw: ${reader.firstError}`] : []),
    ...(writer.firstError ? [`first error the writer saw: ${writer.firstError}`] : []),
    '',
  ].join('\n');
}

describe.sequential(`the faults guide (profile ${profile})`, () => {
  useCleanProject();
  beforeAll(removeSecondReplica);
  itStartsFromTheReplicationGuide('faults');
  // Registered after useCleanProject: vitest runs afterAll hooks last-registered first.
  afterAll(removeSecondReplica);

  it('01 restarts the replica under a reading client, which reads again once it is back, through the same FerretDB', async () => {
    const outcomes = await underClient('ferretdb_readonly', 27018, 'read', '01-restart-replica');
    underRestarts.reader = summarise(outcomes);
    expect(await recordCounts(27017, 27018)).toEqual([101, 101]);
    expect(await documents(27018)).toEqual(await documents(27017));
  });

  it('02 restarts the primary under a writing client: errors only while it restarts, no acknowledged write lost', async () => {
    const outcomes = await underClient('ferretdb', 27017, 'write', '02-restart-primary');
    underRestarts.writer = summarise(outcomes);
    const acknowledged = outcomes.filter((o) => !o.error).map((o) => o.seq);
    expect(
      await psqlRows('postgres_replica', 'SELECT status, sender_host FROM pg_stat_wal_receiver'),
    ).toEqual([['streaming', 'postgres_primary']]);
    expect(await recordCounts(27017, 27018)).toEqual([201, 201]);
    expect(await documents(27018)).toEqual(await documents(27017));
    // Every acknowledged write is on the primary, and on the replica once it has caught up.
    await caughtUp();
    for (const port of [27017, 27018]) {
      const present = new Set(await loadSeqs(port));
      expect(acknowledged.filter((seq) => !present.has(seq))).toEqual([]);
    }
    underRestarts.lost = 0;
    // A refused write may still have committed: the client cannot tell, the table can.
    const onPrimary = new Set(await loadSeqs(27017));
    underRestarts.committedAnyway = outcomes.filter((o) => o.error && onPrimary.has(o.seq)).length;
    checkMeasuredFact('faults/clients-under-restarts.txt', describeClients(underRestarts));
  });

  it('03 cuts the replica off the network, and replication heals once it is back', async () => {
    const connection = 'SELECT pid, backend_start FROM pg_stat_replication';
    const before = await psqlRows('postgres_primary', connection);
    await runAndCompare('03-cut-network');
    // Back well within wal_sender_timeout and wal_receiver_timeout, with the same address: the
    // replication connection is the one from before the cut, not a new one (the page's note).
    expect(await psqlRows('postgres_primary', connection)).toEqual(before);
    expect(
      await psqlRows('postgres_primary', 'SELECT usename, state FROM pg_stat_replication'),
    ).toEqual([['replicator', 'streaming']]);
    expect(await recordCounts(27017, 27018)).toEqual([301, 301]);
    expect(await documents(27018)).toEqual(await documents(27017));
  });

  it('04 adds a second replica that streams too', async () => {
    await runAndCompare('04-add-second-replica');
    expect(
      await psqlRows('postgres_primary', 'SELECT usename, state FROM pg_stat_replication'),
    ).toEqual([
      ['replicator', 'streaming'],
      ['replicator', 'streaming'],
    ]);
  });

  it('read-through-the-second-replica: a FerretDB on the second replica reads every document the primary has', async () => {
    await runAndCompare('read-through-the-second-replica');
    await expect
      .poll(() => recordCounts(27017, 27018, 27019), { timeout: 30_000 })
      .toEqual([401, 401, 401]);
    expect(await documents(27019)).toEqual(await documents(27017));
  });

  it("with two replicas and synchronous_standby_names = 'ANY 1 (*)', one replica can be down without blocking writes", async () => {
    const setting = (value: string) =>
      psqlRows('postgres_primary', `ALTER SYSTEM SET synchronous_standby_names = '${value}'`).then(
        () => psqlRows('postgres_primary', 'SELECT pg_reload_conf()'),
      );
    await setting('ANY 1 (*)');
    try {
      await expect
        .poll(() => psqlRows('postgres_primary', 'SELECT sync_state FROM pg_stat_replication'), {
          timeout: 30_000,
          interval: 200,
        })
        .toEqual([['quorum'], ['quorum']]);
      await $({ quiet: true })`docker network disconnect ferretdb postgres_replica2`;
      try {
        const client = ferretdb(27017);
        try {
          // Acknowledged with one replica cut off: the other one confirms it.
          const write = client.db('test').collection('quorum').insertOne({ one: 'replica down' });
          let timer: NodeJS.Timeout | undefined;
          const blocked = new Promise<'blocked'>((resolve) => {
            timer = setTimeout(resolve, 20_000, 'blocked');
          });
          try {
            expect(await Promise.race([write.then(() => 'acknowledged'), blocked])).toBe(
              'acknowledged',
            );
          } finally {
            clearTimeout(timer);
          }
        } finally {
          await client.close();
        }
      } finally {
        await $({ quiet: true })`docker network connect ferretdb postgres_replica2`;
      }
    } finally {
      await setting('');
    }
    await expect
      .poll(() => psqlRows('postgres_primary', 'SELECT state FROM pg_stat_replication'), {
        timeout: 60_000,
        interval: 500,
      })
      .toEqual([['streaming'], ['streaming']]);
  });

  it('05 fills the disk of a replica: its log says so, the primary keeps serving and the other replica keeps up', async () => {
    await runAndCompare('05-fill-the-replica-disk');
    const logs = await $({ quiet: true })`docker logs postgres_small_disk`;
    expect(logs.stdout + logs.stderr).toMatch(
      /FATAL: {2}could not write to file "pg_wal\/xlogtemp\.\d+": No space left on device/,
    );
    // It tries again and fails the same way, and its replay stays behind the primary.
    await expect
      .poll(
        async () => {
          const again = await $({ quiet: true })`docker logs postgres_small_disk`;
          return (again.stdout + again.stderr).match(/No space left on device/g)?.length ?? 0;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(2);
    const [[primaryAt]] = (await psqlRows('postgres_primary', 'SELECT pg_current_wal_lsn()')) as [
      [string],
    ];
    const behind = await $({
      quiet: true,
    })`docker exec postgres_small_disk psql -U user -d postgres -AtXc ${`SELECT pg_last_wal_replay_lsn() < '${primaryAt}'`}`;
    expect(behind.stdout.trim()).toBe('t');
    expect(
      await psqlRows('postgres_replica', 'SELECT status, sender_host FROM pg_stat_wal_receiver'),
    ).toEqual([['streaming', 'postgres_primary']]);
    expect(await recordCounts(27017, 27018)).toEqual([402, 402]);
  });

  it('06 removes everything it created', async () => {
    await runAndCompare('06-clean-up');
    expect(await leftovers()).toEqual([]);
    const rest = await $({
      quiet: true,
    })`docker ps -a --filter name=replica2 --filter name=small_disk --format {{.Names}}`;
    expect(rest.stdout.trim()).toBe('');
    const volume = await $({ quiet: true, nothrow: true })`docker volume inspect replica2_data`;
    expect(volume.exitCode).toBe(1);
  });

  itComparedEveryStep('faults');
});
