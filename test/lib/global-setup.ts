/**
 * Before any test: the daemon must answer. The README's test command runs `npm run setup` first;
 * this catches `npx vitest` run on its own, with the same words setup would print.
 *
 * Nor may an examples/.env that the replication guide did not write be there: compose reads it.
 *
 * And on Ctrl-C (SIGINT) or SIGTERM, in vitest's main process, which is the one that gets them:
 * the guide's stack is taken down before vitest exits, so an interrupted run leaves no container,
 * volume or network behind, nor the examples/.env that step 1 of the replication guide wrote.
 * test/guide/interrupt.test.ts interrupts a real run to prove it.
 */
import { $ } from 'zx';
import { foreignEnvFileProblem } from '../../examples/lib/password.mjs';
import { resolveProfile } from '../../scripts/stack/profiles';
import { SetupError } from '../../scripts/user-error';
import { tearDownStackNow } from '../../scripts/guide/tear-down-now';
import { stopDescendants } from '../../scripts/cli/on-interrupt';
import {
  daemonObjectsSync,
  newSince,
  removeNewObjectsOfOurs,
  type DaemonObjects,
} from './daemon-objects';

/** What the daemon held when the run began: an interrupted run removes what it made since. */
let before: DaemonObjects | undefined;

/** Synchronous on purpose: a signal handler must finish before the process goes. */
function tearDownNow(): void {
  // Containers started outside compose (testcontainers' for the image tests, the faults guide's
  // second replica) first: compose cannot remove its network while they are on it.
  if (before) removeNewObjectsOfOurs(before);
  tearDownStackNow(resolveProfile('tests').env);
}

function onSignal(signal: NodeJS.Signals): void {
  console.error(`\n${signal}: taking the guide's containers, volumes and network down…`);
  // The workers first: a SIGTERM sent to this process alone does not reach them, and a worker
  // left running would go on creating containers after the teardown.
  stopDescendants();
  tearDownNow();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

export default async function globalSetup(): Promise<() => void> {
  // A GUIDE_PROFILE that names no profile: one error here, rather than one per test file.
  try {
    resolveProfile('tests');
  } catch (error) {
    if (error instanceof SetupError)
      throw new Error(`${error.message}\n  what to do: ${error.hint}`);
    throw error;
  }
  const probe = await $({
    nothrow: true,
    quiet: true,
    timeout: '15s',
  })`docker version --format {{.Server.APIVersion}}`;
  if (probe.exitCode !== 0) {
    throw new Error(
      'no Docker daemon answers; run `npm run setup` (it starts one), then the tests again',
    );
  }
  // compose reads examples/.env: someone else's would change the stack and every recorded output.
  const envProblem = foreignEnvFileProblem();
  if (envProblem) throw new Error(`${envProblem.message}\n  what to do: ${envProblem.hint}`);
  // Before vitest's own handlers, which end the process without waiting for us.
  process.prependOnceListener('SIGINT', onSignal);
  process.prependOnceListener('SIGTERM', onSignal);
  // The whole run leaves the daemon as it found it: every container, network and volume a test
  // made is gone again, labelled or not. A leftover fails the run here, by name.
  const atStart = daemonObjectsSync();
  before = atStart;
  return () => {
    const left = newSince(atStart, daemonObjectsSync());
    if (left.length === 0) return;
    // vitest logs an error thrown here and still exits 0: say it, and fail the run ourselves.
    console.error(
      `error: the tests left ${left.length} object(s) on the Docker daemon that were not there before them:\n  ${left.join('\n  ')}\n  what to do: find the test that makes them and remove them in its teardown`,
    );
    process.exitCode = 1;
  };
}
