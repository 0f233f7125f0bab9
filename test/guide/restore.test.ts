/**
 * Restore to a point in time: the primary archives its WAL, a base backup is taken from the
 * replica (its label says so), orders are written and indexed, the time is noted, one more order
 * is written and the collection dropped; a new server restored from the backup and the archive up
 * to the noted time has every order and the index, and not the order written after it.
 */
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { psqlRows, testProfile, untilTrue } from '../lib/compose-project';
import {
  checkMeasuredFact,
  ferretdb,
  itCleansUp,
  itComparedEveryStep,
  itStartsFromTheReplicationGuide,
  profile,
  runAndCompare,
  stepsOf,
  useCleanProject,
} from '../lib/guide-harness';

const step = stepsOf('restore');

/** What the restore steps start outside compose, and the archive volume compose.yaml alone does not know. */
async function removeRestored(): Promise<void> {
  await $({ quiet: true, nothrow: true })`docker rm -f -v ferretdb_restored postgres_restored`;
  await $({ quiet: true, nothrow: true })`docker volume rm -f restored_data wal_archive`;
}

/** The orders through a FerretDB, without _id, in n order. */
async function orders(port: number): Promise<unknown[]> {
  const client = ferretdb(port);
  try {
    return await client
      .db('test')
      .collection('orders')
      .find({}, { projection: { _id: 0 } })
      .sort({ n: 1 })
      .toArray();
  } finally {
    await client.close();
  }
}

let written: unknown[] = [];

describe.sequential(`restore to a point in time (profile ${profile})`, () => {
  useCleanProject();
  beforeAll(removeRestored);
  // Registered after useCleanProject: vitest runs afterAll hooks last-registered first.
  afterAll(removeRestored);

  itStartsFromTheReplicationGuide('restore');

  it("01 archives the primary's WAL into a volume of its own", async () => {
    await runAndCompare(step('01-archive-the-wal'));
    expect(await psqlRows('postgres_primary', 'SHOW archive_mode')).toEqual([['on']]);
    // The archive_command, run again on a segment it has archived, refuses and leaves it alone.
    await untilTrue(
      'postgres_primary',
      'SELECT last_archived_wal IS NOT NULL FROM pg_stat_archiver',
      60,
    );
    const [[segment]] = (await psqlRows(
      'postgres_primary',
      'SELECT last_archived_wal FROM pg_stat_archiver',
    )) as [[string]];
    const [[command]] = (await psqlRows('postgres_primary', 'SHOW archive_command')) as [[string]];
    const again = await $({
      quiet: true,
      nothrow: true,
    })`docker exec -u postgres -w /var/lib/postgresql/data postgres_primary sh -c ${command
      .replaceAll('%f', segment)
      .replaceAll('%p', `pg_wal/${segment}`)}`;
    expect(again.exitCode).not.toBe(0);
  });

  it('02 takes a base backup of the replica into the archive volume', async () => {
    const run = await runAndCompare(step('02-base-backup'));
    expect(run.commands.at(-1)?.output.trim()).toBe('BACKUP FROM: standby');
  });

  it('03 writes and indexes orders, notes the time, writes one more, and drops them all', async () => {
    const run = await runAndCompare(step('03-drop-by-mistake'));
    expect(run.commands.some((c) => c.cmd.includes('db.orders.drop()'))).toBe(true);
    expect(await orders(27017)).toEqual([]);
  });

  it('04 restores a new server to the noted time, and promotes it; the page shows how long it took and what the archive held', async () => {
    const started = performance.now();
    await runAndCompare(step('04-restore-to-the-target'));
    const seconds = (performance.now() - started) / 1000;
    const sizes = await $({
      quiet: true,
    })`docker run --rm -v wal_archive:/archive:ro --entrypoint sh ${testProfile.env.POSTGRES_IMAGE} -c ${'du -sk /archive/base/base.tar.gz /archive/wal | cut -f1; ls /archive/wal | wc -l'}`;
    const [backup, wal, segments] = sizes.stdout.trim().split('\n');
    // A segment is archived whole, 16 MB however little WAL it holds.
    expect(Number(wal)).toBeGreaterThanOrEqual(Number(segments) * 16 * 1024);
    checkMeasuredFact(
      'restore/restore-figures.txt',
      `restored 1000 orders in ${seconds.toFixed(1)} s (step 4: unpack, replay to the target, promotion)\nbase backup: ${backup} KiB compressed; archived WAL: ${segments} segments, ${wal} KiB\n`,
    );
    // Not a compose service: asked with docker exec itself.
    const recovery = await $({
      quiet: true,
    })`docker exec postgres_restored psql -U user -d postgres -AtXc ${'SELECT pg_is_in_recovery()'}`;
    expect(recovery.stdout.trim()).toBe('f');
  });

  it('05 every order written before the noted time is back, with its index; the one after it is not', async () => {
    await runAndCompare(step('05-read-what-was-restored'));
    const restored = await orders(27019);
    written = Array.from({ length: 1000 }, (_, n) => ({ n, status: n % 2 ? 'paid' : 'shipped' }));
    expect(restored).toEqual(written);
    const client = ferretdb(27019);
    try {
      const indexes = await client.db('test').collection('orders').indexes();
      expect(indexes.map((index) => index.key)).toEqual([{ _id: 1 }, { status: 1 }]);
    } finally {
      await client.close();
    }
  });

  itCleansUp('restore');
  itComparedEveryStep('restore');
});
