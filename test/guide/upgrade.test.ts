/**
 * Upgrading a replicated pair from FerretDB 2.3.0 with DocumentDB 0.104.0-ferretdb-2.3.0 to the
 * pinned pair, while the replica streams: the replica's binaries first, then the primary's, then
 * ALTER EXTENSION on the primary, then both FerretDBs. After each step every server, extension and
 * FerretDB reports the version the page says; a client writing through the primary's FerretDB and
 * one reading through the replica's run from before step 2 to after step 5, and no acknowledged
 * write is missing afterwards. Then the wrong order, once: the replica's reads fail until it too
 * runs the new binary.
 */
import { $ } from 'zx';
import { afterAll, describe, expect, it } from 'vitest';
import { caughtUp, psqlRows } from '../lib/compose-project';
import {
  checkMeasuredFact,
  ferretdb,
  itCleansUp,
  itComparedEveryStep,
  profile,
  runAndCompare,
  stepsOf,
  useCleanProject,
  recordCounts,
  documents,
} from '../lib/guide-harness';
import { parseFerretdbVersion } from '../../scripts/guide/stack-versions';
import { verificationRecorder } from '../../scripts/guide/recordings';
import { pins } from '../../scripts/stack/versions';
import { shown, shownFrom } from '../../scripts/stack/version-names';

const step = stepsOf('upgrade');

const older = pins.upgradeFrom.documentdb.binaryVersion;
const newer = pins.documentdb.binaryVersion;
/** pg_extension's version of each release: 0.106.0-ferretdb-2.5.0 → 0.106-0. */
const OLD_SCHEMA = shownFrom.documentdbSchema;
const NEW_SCHEMA = shown.documentdbSchema;

/** What a server runs: its DocumentDB extensions' versions as installed, and the binary it loaded. */
async function server(service: string): Promise<{ schema: string[][]; binary: string }> {
  const schema = await psqlRows(
    service,
    "SELECT extname, extversion FROM pg_extension WHERE extname LIKE 'documentdb%' ORDER BY extname",
  );
  const [[binary = ''] = []] = await psqlRows(
    service,
    'SELECT documentdb_api.binary_extended_version()',
  );
  return { schema, binary };
}

const both = (version: string) => [
  ['documentdb', version],
  ['documentdb_core', version],
];

async function ferretdbVersion(container: string): Promise<string | undefined> {
  const run = await $({ quiet: true })`docker exec ${container} /ferretdb --version`;
  return parseFerretdbVersion(run.stdout);
}

/**
 * A client that writes through port 27017 and one that reads through 27018 until stopped, as an
 * application would while the steps run: each write that FerretDB acknowledges is remembered.
 */
function startLoad() {
  const writer = ferretdb(27017, { serverSelectionTimeoutMS: 2_000 });
  const reader = ferretdb(27018, { serverSelectionTimeoutMS: 2_000 });
  const acknowledged: number[] = [];
  let refused = 0;
  let answered = 0;
  let unanswered = 0;
  let running = true;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  const writes = (async () => {
    for (let seq = 1; running; seq += 1) {
      try {
        await writer.db('test').collection('load').insertOne({ seq });
        acknowledged.push(seq);
      } catch {
        refused += 1;
      }
      await pause();
    }
  })();
  const reads = (async () => {
    while (running) {
      try {
        await reader.db('test').collection('load').countDocuments();
        answered += 1;
      } catch {
        unanswered += 1;
      }
      await pause();
    }
  })();
  return {
    async stop() {
      running = false;
      await Promise.all([writes, reads]);
      await Promise.all([writer.close(), reader.close()]);
      return { acknowledged, refused, answered, unanswered };
    },
  };
}

/** The acknowledged writes a FerretDB does not have. */
async function missing(port: number, acknowledged: number[]): Promise<number[]> {
  const client = ferretdb(port);
  try {
    const docs = await client.db('test').collection('load').find().toArray();
    const there = new Set(docs.map((doc) => doc.seq as number));
    return acknowledged.filter((seq) => !there.has(seq));
  } finally {
    await client.close();
  }
}

/** The replica streams from the primary and replays what the primary has written by now. */
async function replaying(): Promise<void> {
  expect(await psqlRows('postgres_replica', 'SELECT status FROM pg_stat_wal_receiver')).toEqual([
    ['streaming'],
  ]);
  await caughtUp();
}

let load: ReturnType<typeof startLoad> | undefined;

describe.sequential(`upgrading a replicated pair (profile ${profile})`, () => {
  useCleanProject();
  verificationRecorder.followVersions();
  // Registered after useCleanProject: vitest runs afterAll hooks last-registered first.
  afterAll(async () => {
    await load?.stop();
  });

  it('00 starts the replication guide on FerretDB 2.3.0 with DocumentDB 0.104', async () => {
    await runAndCompare(step('00-before-you-start'));
    expect(await recordCounts(27017, 27018)).toEqual([1, 1]);
  });

  it('01 every part reports the older pair', async () => {
    await runAndCompare(step('01-versions-before'));
    for (const service of ['postgres_primary', 'postgres_replica'])
      expect(await server(service)).toEqual({ schema: both(OLD_SCHEMA), binary: older });
    expect(await ferretdbVersion('ferretdb')).toBe(pins.upgradeFrom.ferretdbVersion);
    expect(await ferretdbVersion('ferretdb_readonly')).toBe(pins.upgradeFrom.ferretdbVersion);
    load = startLoad();
  });

  it('02 the replica runs the new binary on the old schema, streams and replays', async () => {
    const run = await runAndCompare(step('02-replica-binaries'));
    expect(await server('postgres_replica')).toEqual({ schema: both(OLD_SCHEMA), binary: newer });
    expect(await server('postgres_primary')).toEqual({ schema: both(OLD_SCHEMA), binary: older });
    expect(run.commands.at(-1)?.output.trim()).toBe('0');
    await replaying();
  });

  it('03 the primary runs the new binary too, and the replica streams from it again', async () => {
    await runAndCompare(step('03-primary-binaries'));
    for (const service of ['postgres_primary', 'postgres_replica'])
      expect(await server(service)).toEqual({ schema: both(OLD_SCHEMA), binary: newer });
    await replaying();
  });

  it('04 ALTER EXTENSION on the primary updates both extensions, and the replica replays it and goes on streaming', async () => {
    // documentdb_core's update scripts are empty between these releases: the same objects after.
    const coreObjects = () =>
      psqlRows(
        'postgres_primary',
        "SELECT count(*) FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid WHERE e.extname = 'documentdb_core' AND d.deptype = 'e'",
      );
    const coreBefore = await coreObjects();
    await runAndCompare(step('04-update-the-extensions'));
    expect(await coreObjects()).toEqual(coreBefore);
    for (const service of ['postgres_primary', 'postgres_replica'])
      expect(await server(service)).toEqual({ schema: both(NEW_SCHEMA), binary: newer });
    await replaying();
  });

  it('05 both FerretDBs run the new version; no write acknowledged while the steps ran is missing', async () => {
    const volumes = async () =>
      (
        await $({
          quiet: true,
        })`docker inspect -f ${'{{range .Mounts}}{{.Name}} {{end}}'} ferretdb ferretdb_readonly`
      ).stdout;
    const volumesBefore = await volumes();
    await runAndCompare(step('05-replace-both-ferretdbs'));
    // Recreated on the new image, each container keeps its /state volume.
    expect(await volumes()).toBe(volumesBefore);
    expect(await ferretdbVersion('ferretdb')).toBe(pins.ferretdbVersion);
    expect(await ferretdbVersion('ferretdb_readonly')).toBe(pins.ferretdbVersion);
    const seen = await load!.stop();
    load = undefined;
    await caughtUp();
    const lostOnPrimary = await missing(27017, seen.acknowledged);
    const lostOnReplica = await missing(27018, seen.acknowledged);
    expect(lostOnPrimary).toEqual([]);
    expect(lostOnReplica).toEqual([]);
    checkMeasuredFact(
      'upgrade/writes-during-upgrade.txt',
      `writes through port 27017 during steps 2 to 5: ${seen.acknowledged.length} acknowledged, ${seen.refused} refused; acknowledged and missing afterwards: ${lostOnPrimary.length} on the primary, ${lostOnReplica.length} on the replica\nreads through port 27018: ${seen.answered} answered, ${seen.unanswered} refused\n`,
    );
  });

  it('06 starts over on the older pair', async () => {
    await runAndCompare(step('06-start-over-on-the-older-pair'));
    expect(await recordCounts(27017, 27018)).toEqual([1, 1]);
    expect(await server('postgres_replica')).toEqual({ schema: both(OLD_SCHEMA), binary: older });
  });

  it("07 the wrong order: the replica's old binary on the new schema fails a read the primary answers", async () => {
    const run = await runAndCompare(step('07-the-wrong-order'));
    expect(await server('postgres_replica')).toEqual({ schema: both(NEW_SCHEMA), binary: older });
    const [throughReplica, throughPrimary] = run.commands.slice(-2);
    expect(throughReplica?.output).toMatch(/MongoServerError: cache lookup failed for type/);
    expect(throughPrimary?.output.trim()).toBe('0');
    // Other reads go on working through the replica, which makes the breakage easy to miss.
    expect(await recordCounts(27018)).toEqual([1]);
    expect(await documents(27018)).toEqual(await documents(27017));
  });

  it('08 the replica on the new binary answers again', async () => {
    const run = await runAndCompare(step('08-recover-from-the-wrong-order'));
    expect(await server('postgres_replica')).toEqual({ schema: both(NEW_SCHEMA), binary: newer });
    expect(run.commands.at(-1)?.output.trim()).toBe('0');
    // Nothing was lost on the way: both sides hold the one document, the same one.
    expect(await recordCounts(27017, 27018)).toEqual([1, 1]);
    expect(await documents(27018)).toEqual(await documents(27017));
  });

  itCleansUp('upgrade');
  itComparedEveryStep('upgrade');
});
