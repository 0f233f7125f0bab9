/**
 * The synchronous replication guide, and the measurement its page reports: cut the replica off
 * under a steady write load through FerretDB, kill the primary (SIGKILL), promote the replica, and
 * count the acknowledged writes that did not survive, once with synchronous replication and once
 * without.
 */
import type { Document, MongoClient } from 'mongodb';
import { $ } from 'zx';
import { describe, expect, it } from 'vitest';
import { WRITES_BEFORE_CUT, WRITES_WHILE_CUT } from '../../scripts/outputs/measured-facts';
import { psqlRows, tearDownProject } from '../lib/compose-project';
import { writerLogProblems, type Outcome } from '../lib/writer-log';
import {
  ferretdb,
  itStartsFromTheReplicationGuide,
  itCleansUp,
  prepareReplication,
  profile,
  runAndCompare,
  runQuietly,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
  checkMeasuredFact,
} from '../lib/guide-harness';

const step = stepsOf('sync-replication');

describe.sequential(`the synchronous replication guide (profile ${profile})`, () => {
  useCleanProject();
  itStartsFromTheReplicationGuide('sync-replication');

  it('01–03 make the replica synchronous, and writes still work', async () => {
    await runAndCompare(step('01-require-a-sync-replica'));
    await runAndCompare(step('02-check-sync-state'));
    expect(
      await psqlRows('postgres_primary', 'SELECT sync_state FROM pg_stat_replication'),
    ).toEqual([['sync']]);
    await runAndCompare(step('03-write-synchronously'));
  });

  it('04 with on, an acknowledged write is flushed on the replica but not applied: a read there misses it', async () => {
    const run = await runAndCompare(step('04-flushed-not-applied'));
    expect(run.commands[1]?.output.trim()).toBe('true');
    expect(run.commands[2]?.output.trim()).toBe('0');
    expect(await psqlRows('postgres_replica', 'SELECT pg_is_wal_replay_paused()')).toEqual([['f']]);
  });

  it('05 with remote_apply, a read through the replica right after the acknowledgement finds the write', async () => {
    const run = await runAndCompare(step('05-apply-before-acknowledging'));
    expect(run.commands.map((c) => c.output.trim()).slice(1, 3)).toEqual(['true', '1']);
    expect(
      await psqlRows('postgres_primary', "SELECT current_setting('synchronous_commit')"),
    ).toEqual([['on']]);
  });

  it('with remote_apply and replay paused, a write through FerretDB is not acknowledged until replay resumes', async () => {
    await psqlRows('postgres_primary', "ALTER SYSTEM SET synchronous_commit = 'remote_apply'");
    await psqlRows('postgres_primary', 'SELECT pg_reload_conf()');
    await psqlRows('postgres_replica', 'SELECT pg_wal_replay_pause()');
    const client = ferretdb(27017);
    try {
      const { write } = await insertWaitingOnSyncRep(client, { notYetApplied: true });
      await psqlRows('postgres_replica', 'SELECT pg_wal_replay_resume()');
      expect((await write).acknowledged).toBe(true);
    } finally {
      await psqlRows('postgres_replica', 'SELECT pg_wal_replay_resume()');
      await psqlRows('postgres_primary', 'ALTER SYSTEM RESET synchronous_commit');
      await psqlRows('postgres_primary', 'SELECT pg_reload_conf()');
      await client.close();
    }
  });

  it('06–08 with the replica down, writes through FerretDB block until it is back', async () => {
    await runAndCompare(step('06-stop-the-replica'));
    const run = await runAndCompare(step('07-writes-wait'));
    expect(run.commands[0]?.output).toContain('canceling wait for synchronous replication');
    expect(run.commands[0]?.exitCode).toBe(1);
    // A statement_timeout does not end the wait: only the interrupt after 5 s does.
    const timed = await $({
      quiet: true,
      nothrow: true,
    })`docker exec -e PGOPTIONS=${'-c statement_timeout=1s'} postgres_primary timeout --foreground -s INT 5 psql -q -U user -d postgres -c ${'CREATE TABLE timeout_probe (n int);'}`;
    expect(timed.stderr).toContain('canceling wait for synchronous replication');
    expect(timed.stderr).not.toContain('statement timeout');

    const client = ferretdb(27017);
    try {
      const { write } = await insertWaitingOnSyncRep(client, { blocked: true });
      // docs/sync-replication.mdx: DocumentDB's background jobs wait too, with pg_cron's scheduler.
      await until(
        async () =>
          (
            await psqlRows(
              'postgres_primary',
              "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher' AND wait_event = 'SyncRep'",
            )
          )[0]?.[0] === '1',
        "pg_cron's scheduler to wait on SyncRep",
      );
      await runAndCompare(step('08-start-the-replica'));
      expect((await write).acknowledged).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('09 goes back to asynchronous replication', async () => {
    await runAndCompare(step('09-back-to-asynchronous'));
    expect(
      await psqlRows('postgres_primary', 'SELECT sync_state FROM pg_stat_replication'),
    ).toEqual([['async']]);
  });

  it('tells a write waiting for the replica from one held up by anything else (a lock)', async () => {
    // A write that has not finished after 5 s is not for that reason waiting for the replica: here,
    // with replication asynchronous, an insert waits on a lock for as long, and SyncRep says no.
    const rows = await psqlRows(
      'postgres_primary',
      "SELECT 'documentdb_data.documents_' || collection_id FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'record'",
    );
    const table = rows[0]?.[0];
    expect(table).toMatch(/^documentdb_data\.documents_\d+$/);
    const hold = `BEGIN; LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(60); COMMIT;`;
    const locker = $({
      quiet: true,
      nothrow: true,
    })`docker exec postgres_primary psql -U user -d postgres -c ${hold}`;
    const client = ferretdb(27017);
    try {
      await until(
        async () =>
          (
            await psqlRows(
              'postgres_primary',
              "SELECT count(*) FROM pg_locks WHERE mode = 'AccessExclusiveLock' AND granted AND relation IS NOT NULL AND relation::regclass::text LIKE 'documentdb_data.documents_%'",
            )
          )[0]?.[0] === '1',
        'the lock to be held',
      );
      const write = client.db('test').collection('record').insertOne({ heldUp: true });
      await until(
        async () =>
          (
            await psqlRows(
              'postgres_primary',
              "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND wait_event_type = 'Lock'",
            )
          )[0]?.[0] === '1',
        'the insert to wait on the lock',
      );
      expect(await waitingOnSyncRep()).toBe(0);
      await psqlRows(
        'postgres_primary',
        "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE 'BEGIN; LOCK TABLE%'",
      );
      expect((await write).acknowledged).toBe(true);
    } finally {
      await client.close();
      await locker;
    }
  });

  itCleansUp('sync-replication');
  itComparedEveryStep('sync-replication');
});

interface LossMeasurement {
  mode: 'synchronous' | 'asynchronous';
  acknowledged: number;
  /** Acknowledged after the replica was cut off: on the primary only, unless replication waits. */
  acknowledgedWhileCut: number;
  lost: number;
}

/** After this many acknowledged writes the replica is cut off, and after as many more (if any) the primary dies. */

/** Resolves once `test` holds (the writer's progress, or the server's state), checked every 20 ms. */
async function until(
  test: () => boolean | Promise<boolean>,
  what: string,
  limitMs = 30_000,
): Promise<void> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * FerretDB's backends on the primary whose commit waits for a synchronous replica to confirm it.
 * Only FerretDB's: pg_cron's scheduler, which runs DocumentDB's jobs, waits on SyncRep too.
 */
/**
 * Starts an insert through FerretDB and returns it once its commit waits for the replica, as
 * PostgreSQL reports it (a backend waiting on SyncRep), having checked it has not returned.
 */
async function insertWaitingOnSyncRep(client: MongoClient, doc: Document) {
  const write = client.db('test').collection('record').insertOne(doc);
  let settled = false;
  void write.then(
    () => (settled = true),
    () => (settled = true),
  );
  await until(async () => (await waitingOnSyncRep()) === 1, 'the insert to wait on SyncRep');
  expect(settled).toBe(false);
  // Wrapped: an async function that returned the promise itself would make its caller's await
  // wait for the insert, which waits for the replica.
  return { write };
}

async function waitingOnSyncRep(): Promise<number> {
  const rows = await psqlRows(
    'postgres_primary',
    "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep' AND application_name = 'FerretDB'",
  );
  return Number(rows[0]?.[0]);
}

/**
 * A deterministic loss: a writer inserts {seq} one at a time through FerretDB on the primary; after
 * WRITES_BEFORE_CUT acknowledgements the replica is taken off the network, so WAL stops reaching
 * it; then the primary is killed (SIGKILL) once WRITES_WHILE_CUT more writes were acknowledged
 * (asynchronous: they commit on the primary alone) or once a write is seen waiting for the
 * replica (synchronous: its backend waits on SyncRep, and no write is acknowledged). The replica
 * is put back, promoted, and every acknowledged seq is looked up through the read-only FerretDB.
 */
async function killUnderLoad(mode: LossMeasurement['mode']): Promise<LossMeasurement> {
  if (mode === 'synchronous') await runQuietly(step('01-require-a-sync-replica'));
  const outcomes: Outcome[] = [];
  const acknowledged = () => outcomes.filter((o) => o.error === undefined);
  const writer = ferretdb(27017, { serverSelectionTimeoutMS: 2000 });
  let stop = false;
  const load = (async () => {
    for (let seq = 1; seq <= 100_000 && !stop; seq += 1) {
      try {
        await writer.db('test').collection('load').insertOne({ seq });
        outcomes.push({ seq, at: Date.now() });
      } catch (error) {
        outcomes.push({ seq, at: Date.now(), error: String(error) });
        return; // the primary is gone: every later write would fail the same way
      }
    }
  })();
  try {
    await until(
      () => acknowledged().length >= WRITES_BEFORE_CUT || outcomes.some((o) => o.error),
      'the first writes',
    );
    expect(outcomes.filter((o) => o.error)).toEqual([]);
    await $({ quiet: true })`docker network disconnect ferretdb postgres_replica`;
    const cutAt = Date.now();
    if (mode === 'asynchronous') {
      await until(
        () => acknowledged().filter((o) => o.at > cutAt).length >= WRITES_WHILE_CUT,
        'writes while the replica is cut off',
      );
    } else {
      await until(async () => (await waitingOnSyncRep()) > 0, 'a write waiting for the replica');
    }
    const killedAt = Date.now();
    await $({ quiet: true })`docker kill postgres_primary`;
    await load;
    // The writer was acknowledged right up to the kill, or (synchronous) waited for the replica
    // from the cut on, and stopped because of the kill: it did not die early (test/harness/writer-log.test.ts).
    const maxSilenceMs = mode === 'asynchronous' ? 1000 : killedAt - cutAt + 1000;
    expect(writerLogProblems(outcomes, { killedAt, maxSilenceMs })).toEqual([]);
    const whileCut = acknowledged().filter((o) => o.at > cutAt).length;
    await $({ quiet: true })`docker network connect ferretdb postgres_replica`;
    await psqlRows('postgres_replica', 'SELECT pg_promote()');
    // The read-only FerretDB's connections to the replica died with the cut: start it afresh.
    await $({ quiet: true })`docker restart ferretdb_readonly`;
    const reader = ferretdb(27018);
    try {
      const present = new Set(
        (
          await reader
            .db('test')
            .collection('load')
            .find({}, { projection: { seq: 1 } })
            .toArray()
        ).map((doc) => doc.seq as number),
      );
      return {
        mode,
        acknowledged: acknowledged().length,
        acknowledgedWhileCut: whileCut,
        lost: acknowledged().filter((o) => !present.has(o.seq)).length,
      };
    } finally {
      await reader.close();
    }
  } finally {
    stop = true;
    await writer.close(true);
  }
}

/** One line of the page's "what synchronous replication saves" block. */
function describeLoss(m: LossMeasurement): string {
  return `${m.mode}: ${m.lost} of ${m.acknowledged} acknowledged writes lost (${m.acknowledgedWhileCut} acknowledged while the replica was cut off)`;
}

describe.sequential(
  'acknowledged writes lost when the primary is killed while the replica is cut off',
  () => {
    useCleanProject();
    const measured: LossMeasurement[] = [];

    it('synchronous: none, because no write is acknowledged while the replica cannot confirm it', async () => {
      await prepareReplication();
      const result = await killUnderLoad('synchronous');
      measured.push(result);
      console.log(describeLoss(result));
      expect(result.acknowledged).toBeGreaterThanOrEqual(WRITES_BEFORE_CUT);
      expect(result.acknowledgedWhileCut).toBe(0);
      expect(result.lost).toBe(0);
    });

    it('asynchronous: the writes acknowledged while the replica was cut off', async () => {
      await tearDownProject();
      await prepareReplication();
      const result = await killUnderLoad('asynchronous');
      measured.push(result);
      console.log(describeLoss(result));
      expect(result.acknowledgedWhileCut).toBeGreaterThanOrEqual(WRITES_WHILE_CUT);
      // A write acknowledged just after the cut may have left the primary just before it.
      expect(result.lost).toBeGreaterThanOrEqual(result.acknowledgedWhileCut - 1);
      expect(result.lost).toBeGreaterThanOrEqual(0);
      expect(result.lost).toBeLessThanOrEqual(result.acknowledged);
      // The lines the page shows, in the form it shows them.
      for (const m of measured)
        expect(describeLoss(m)).toMatch(
          /^(a)?synchronous: \d+ of \d+ acknowledged writes lost \(\d+ acknowledged while the replica was cut off\)$/,
        );
      // The page shows the recording run's figures, held to the same bounds as every run's.
      checkMeasuredFact(
        'sync-replication/loss-under-kill.txt',
        `${measured.map(describeLoss).join('\n')}\n`,
      );
    });
  },
);
