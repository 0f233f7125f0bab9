/**
 * Queries cancelled on the replica: a long read through the read-only FerretDB is cancelled when
 * replay of a VACUUM on the primary needs rows it may still see; with hot_standby_feedback on, the
 * same read is not, and the primary keeps the dead rows instead.
 */
import { describe, expect, it } from 'vitest';
import { psqlRows } from '../lib/compose-project';
import {
  itStartsFromTheReplicationGuide,
  itCleansUp,
  profile,
  runAndCompare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
} from '../lib/guide-harness';

const step = stepsOf('queries-cancelled');

/** Queries the replica cancelled for snapshot conflicts so far. */
async function snapshotConflicts(): Promise<number> {
  const [[count = ''] = []] = await psqlRows(
    'postgres_replica',
    "SELECT confl_snapshot FROM pg_stat_database_conflicts WHERE datname = 'postgres'",
  );
  return Number(count);
}

let cancelledBefore = -1;

describe.sequential(`queries cancelled on the replica (profile ${profile})`, () => {
  useCleanProject();
  itStartsFromTheReplicationGuide('queries-cancelled');

  it('01 writes the orders and shortens max_standby_streaming_delay', async () => {
    await runAndCompare(step('01-prepare'));
    expect(
      await psqlRows('postgres_replica', "SELECT current_setting('max_standby_streaming_delay')"),
    ).toEqual([['5s']]);
    // From PostgreSQL's default: 30 seconds.
    expect(
      await psqlRows(
        'postgres_replica',
        "SELECT boot_val, unit FROM pg_settings WHERE name = 'max_standby_streaming_delay'",
      ),
    ).toEqual([['30000', 'ms']]);
  });

  it('02 the long read is cancelled by a conflict with recovery', async () => {
    const run = await runAndCompare(step('02-read-cancelled-by-vacuum'));
    // The read ran in the background; its output, and its exit status, are in long-read.log.
    const read = run.commands.find((c) => c.cmd.startsWith('cat long-read.log'));
    expect(read?.output).toContain('canceling statement due to conflict with recovery');
    expect(read?.output).toContain('the read exited with 1');
    expect(run.commands.at(-1)?.output).toMatch(/reads_cancelled\s*\n-+\n\s*t\n/);
    cancelledBefore = await snapshotConflicts();
  });

  it('03 with hot_standby_feedback the read outlives the vacuum, which keeps the dead rows', async () => {
    const run = await runAndCompare(step('03-hot-standby-feedback'));
    const vacuum = run.commands.find((c) => c.cmd.includes('VACUUM'));
    expect(vacuum?.output).toMatch(
      /tuples: 0 removed, \d+ remain, 3000 are dead but not yet removable/,
    );
  });

  it("the-read-outlives-the-vacuum: replay passes the vacuum and the read still runs, held by the replica's backend_xmin", async () => {
    const run = await runAndCompare(step('the-read-outlives-the-vacuum'));
    expect(run.commands[1]?.output).toMatch(/reads_running\s*\n-+\n\s*1\n/);
    expect(run.commands[2]?.output).toMatch(/replica_holds_rows\s*\n-+\n\s*t\n/);
    expect(
      await psqlRows(
        'postgres_replica',
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active'",
      ),
    ).toEqual([['1']]);
  });

  it('stop-the-long-read: the read ends cancelled by request, not by recovery', async () => {
    const run = await runAndCompare(step('stop-the-long-read'));
    const read = run.commands.find((c) => c.cmd.startsWith('cat long-read.log'));
    expect(read?.output).toContain('canceling statement due to user request');
    expect(read?.output).toContain('the read exited with 1');
    // No read was cancelled while hot_standby_feedback was on.
    expect(await snapshotConflicts()).toBe(cancelledBefore);
  });

  itCleansUp('queries-cancelled');
  itComparedEveryStep('queries-cancelled');
});
