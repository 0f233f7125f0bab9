/**
 * The monitoring guide: read replication lag on both sides, make the replica fall behind by
 * pausing replay, see the lag grow as the primary writes more, and see it vanish on resume.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listSteps } from '../../scripts/guide/steps';
import { psqlRows } from '../lib/compose-project';
import {
  prepareReplication,
  recordCounts,
  profile,
  runAndCompare,
  stepsOf,
  useCleanProject,
} from '../lib/guide-harness';

const step = stepsOf('monitoring');

/** Bytes of WAL the replica has not replayed yet, as the primary reports it. */
async function replayLagBytes(): Promise<number> {
  const rows = await psqlRows(
    'postgres_primary',
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) FROM pg_stat_replication',
  );
  expect(rows).toHaveLength(1);
  return Number(rows[0]![0]);
}

describe.sequential(`the monitoring guide (profile ${profile})`, () => {
  useCleanProject();
  beforeAll(prepareReplication);

  it('has these steps, each run below', () => {
    expect(listSteps('monitoring').map((s) => s.id)).toEqual([
      '01-lag-on-primary',
      '02-lag-on-replica',
      '03-pause-replay',
      '04-write-while-paused',
      '05-see-the-lag',
      '06-resume-replay',
      '07-lag-gone',
      '08-watch-lag',
    ]);
  });

  it('01–02 read the lag on both sides of a replica that is streaming', async () => {
    await runAndCompare(step('01-lag-on-primary'));
    await runAndCompare(step('02-lag-on-replica'));
  });

  let lagAfterBatch = 0;

  it('03–04 pause replay and write: the replica falls behind', async () => {
    await runAndCompare(step('03-pause-replay'));
    await runAndCompare(step('04-write-while-paused'));
    lagAfterBatch = await replayLagBytes();
    expect(lagAfterBatch).toBeGreaterThan(0);
  });

  it('05 shows the lag, and reads through the replica miss the new documents', async () => {
    await runAndCompare(step('05-see-the-lag'));
    expect(await recordCounts(27017, 27018)).toEqual([501, 1]);
  });

  it('the lag grows while the primary keeps writing', async () => {
    await psqlRows(
      'postgres_primary',
      'CREATE TABLE lag_probe AS SELECT generate_series(1, 20000) AS n',
    );
    expect(await replayLagBytes()).toBeGreaterThan(lagAfterBatch);
  });

  it('06–07 resume replay: the lag returns to zero and every document is readable on the replica', async () => {
    await runAndCompare(step('06-resume-replay'));
    // The primary may write a little WAL of its own at any time: allow a few polls for zero.
    let lag = await replayLagBytes();
    for (let tries = 0; lag !== 0 && tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      lag = await replayLagBytes();
    }
    expect(lag).toBe(0);
    await runAndCompare(step('07-lag-gone'));
    expect(await recordCounts(27018)).toEqual([501]);
    expect(await psqlRows('postgres_replica', 'SELECT count(*) FROM lag_probe')).toEqual([
      ['20000'],
    ]);
  });

  it('08 watches the lag', async () => {
    const run = await runAndCompare(step('08-watch-lag'));
    expect(run.commands).toHaveLength(3);
  });
});
