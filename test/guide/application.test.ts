/**
 * The application page's program (examples/app/read-after-write.mjs), run as a reader runs it
 * against the guide's stack: every order read back from the primary right after its
 * acknowledgement, and reads from the replica stale only until it replays them. With replay paused
 * on the replica, every read from it is stale, which the page says can happen at any moment. And
 * what a driver learns from each FerretDB (examples/app/what-a-driver-sees.mjs): nothing that would
 * let it route reads to the replica by itself.
 */
import path from 'node:path';
import { $ } from 'zx';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../../scripts/guide/steps';
import { psqlRows } from '../lib/compose-project';
import {
  checkMeasuredFact,
  checkRecordedFact,
  prepareReplication,
  profile,
  useCleanProject,
} from '../lib/guide-harness';

const program = path.join(examplesDir, 'app', 'read-after-write.mjs');
const driverProgram = path.join(examplesDir, 'app', 'what-a-driver-sees.mjs');

async function runProgram(...args: string[]) {
  const run = await $({ quiet: true, nothrow: true, cwd: examplesDir })`node ${program} ${args}`;
  return { exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr };
}

/** The three figures the program prints: found on the primary, found on the replica, stale. */
function figures(stdout: string) {
  const primary = /from the primary: (\d+) of (\d+) found/.exec(stdout);
  const replica = /from the replica: (\d+) of (\d+) found \(stale reads: (\d+)\)/.exec(stdout);
  if (!primary || !replica) throw new Error(`unexpected output:\n${stdout}`);
  return {
    writes: Number(primary[2]),
    foundOnPrimary: Number(primary[1]),
    foundOnReplica: Number(replica[1]),
    stale: Number(replica[3]),
  };
}

describe.sequential(`connecting an application (profile ${profile})`, () => {
  useCleanProject();
  beforeAll(prepareReplication);

  it('reads its own writes from the primary every time; the replica catches up on every stale read', async () => {
    const run = await runProgram('--writes', '200');
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const seen = figures(run.stdout);
    expect(seen.writes).toBe(200);
    expect(seen.foundOnPrimary).toBe(200);
    expect(seen.foundOnReplica + seen.stale).toBe(200);
    if (seen.stale > 0) expect(run.stdout).toMatch(/; 0 not within 5000 ms$/m);
    // The counts vary from run to run; the page shows the recording run's, within the same bounds.
    checkMeasuredFact('application/read-after-write.txt', run.stdout);
  });

  it('with replay paused on the replica, every read from it is stale and every read from the primary is not', async () => {
    await psqlRows('postgres_replica', 'SELECT pg_wal_replay_pause()');
    try {
      const run = await runProgram('--writes', '3', '--give-up-ms', '500');
      expect(run.exitCode).toBe(0);
      expect(figures(run.stdout)).toEqual({
        writes: 3,
        foundOnPrimary: 3,
        foundOnReplica: 0,
        stale: 3,
      });
      expect(run.stdout).toContain('3 not within 500 ms');
    } finally {
      await psqlRows('postgres_replica', 'SELECT pg_wal_replay_resume()');
    }
  });

  it('a driver sees each FerretDB as a primary of its own, and a read preference routes nothing', async () => {
    const run = await $({ quiet: true, nothrow: true, cwd: examplesDir })`node ${driverProgram}`;
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    for (const port of [27017, 27018])
      expect(run.stdout).toContain(
        `localhost:${port} answers hello with isWritablePrimary true, secondary absent, setName absent, hosts absent`,
      );
    expect(run.stdout).toContain("the driver's only server is localhost:27017 (Standalone)");
    expect(run.stdout).toContain('the driver kept 1 of the 2, a Standalone');
    checkRecordedFact('application/what-a-driver-sees.txt', run.stdout);
  });

  it('refuses a bad argument with what to do', async () => {
    const run = await runProgram('--writes', 'many');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--writes takes a whole number of 1 or more');
  });
});
