/**
 * The monitoring guide: read replication lag on both sides, make the replica fall behind by
 * pausing replay, see the lag grow as the primary writes more, and see it vanish on resume.
 */
import { describe, expect, it } from 'vitest';
import { psqlRows, caughtUp, untilTrue } from '../lib/compose-project';
import {
  itStartsFromTheReplicationGuide,
  itCleansUp,
  recordCounts,
  profile,
  runAndCompare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
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
  itStartsFromTheReplicationGuide('monitoring');

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

  it("06–07 resume replay: the replica replays up to the primary's position and every document is readable on it", async () => {
    await runAndCompare(step('06-resume-replay'));
    // Caught up, judged on the replica: it replays up to where the primary's WAL ended just now.
    // The primary's own view (replay_lsn) is only as fresh as the replica's last status message,
    // and DocumentDB's jobs add WAL every 2 s, so a zero there is a matter of timing.
    await caughtUp();
    await runAndCompare(step('07-lag-gone'));
    expect(await recordCounts(27018)).toEqual([501]);
    expect(await psqlRows('postgres_replica', 'SELECT count(*) FROM lag_probe')).toEqual([
      ['20000'],
    ]);
  });

  it('an idle DocumentDB server writes WAL: pg_cron runs two jobs every two seconds and logs each run', async () => {
    expect(
      await psqlRows(
        'postgres_primary',
        "SELECT count(*) FROM cron.job WHERE schedule = '2 seconds'",
      ),
    ).toEqual([['2']]);
    // Nobody writes now; the WAL still moves on, and the runs are logged.
    const [[start]] = (await psqlRows('postgres_primary', 'SELECT pg_current_wal_lsn()')) as [
      [string],
    ];
    await untilTrue('postgres_primary', `SELECT pg_current_wal_lsn() > '${start}'`);
    const [[logged]] = (await psqlRows(
      'postgres_primary',
      "SELECT count(*) FROM cron.job_run_details WHERE start_time > now() - interval '1 minute'",
    )) as [[string]];
    expect(Number(logged)).toBeGreaterThan(0);
  });

  it('08 watches the lag', async () => {
    const run = await runAndCompare(step('08-watch-lag'));
    expect(run.commands).toHaveLength(1);
    expect(run.commands[0]?.output.match(/^ walreceiver /gm)).toHaveLength(3);
  });

  it('09 a stopped replica leaves pg_stat_replication at once, and comes back when started', async () => {
    const run = await runAndCompare(step('09-stop-the-replica'));
    expect(run.commands[1]?.output).toContain('(0 rows)');
    expect(
      await psqlRows('postgres_primary', 'SELECT usename, state FROM pg_stat_replication'),
    ).toEqual([['replicator', 'streaming']]);
  });

  it('10 a replica cut off the network stays listed as streaming while the primary moves on', async () => {
    await runAndCompare(step('10-cut-the-replica-off'));
    expect(
      await psqlRows(
        'postgres_primary',
        'SELECT state, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) > 0 FROM pg_stat_replication',
      ),
    ).toEqual([['streaming', 't']]);
    // And it receives nothing: the primary's WAL has moved past what the replica last received.
    const [[primaryAt]] = (await psqlRows('postgres_primary', 'SELECT pg_current_wal_lsn()')) as [
      [string],
    ];
    expect(
      await psqlRows(
        'postgres_replica',
        `SELECT pg_wal_lsn_diff('${primaryAt}', pg_last_wal_receive_lsn()) > 0`,
      ),
    ).toEqual([['t']]);
    // The row goes once the primary has heard nothing for wal_sender_timeout: shortened to 3 s
    // here, so that the test need not wait out the default minute.
    await psqlRows('postgres_primary', "ALTER SYSTEM SET wal_sender_timeout = '3s'");
    await psqlRows('postgres_primary', 'SELECT pg_reload_conf()');
    try {
      await expect
        .poll(() => psqlRows('postgres_primary', 'SELECT count(*) FROM pg_stat_replication'), {
          timeout: 60_000,
          interval: 500,
        })
        .toEqual([['0']]);
    } finally {
      await psqlRows('postgres_primary', 'ALTER SYSTEM RESET wal_sender_timeout');
      await psqlRows('postgres_primary', 'SELECT pg_reload_conf()');
    }
  });

  itCleansUp('monitoring');
  itComparedEveryStep('monitoring');
});
