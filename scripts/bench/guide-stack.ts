// Bringing the guide's stack up and down for a bench, by pasting the same Shell tabs the tests
// paste into one shell (scripts/guide/page-shell.ts), on the profile the tests run (scripts/stack/profiles.ts: GUIDE_PROFILE, else local). The benches hold the same lock as the tests
// (flock on /tmp/ferretdb-guide-docker.lock when run by hand next to them) because the guide's
// containers have fixed names and ports.
import { resolveProfile } from '../stack/profiles';
import { PageShell } from '../guide/page-shell';
import type { StepRun } from '../guide/run-step';
import { shownCommands } from '../guide/shown-commands';
import { listSteps, stepFiles, type Step } from '../guide/steps';
import { tearDownStackNow } from '../guide/tear-down-now';

export const profile = resolveProfile('tests');

/** The shell the steps are pasted into, from the first step after a teardown to the next teardown. */
let shell: PageShell | undefined;

/** Pastes a step's Shell tab; fails when a command's exit status is not the recorded one. */
export async function runOrThrow(step: Step): Promise<StepRun> {
  shell ??= new PageShell(profile.name);
  const run = await shell.run(step);
  const files = stepFiles(step);
  const recorded = shownCommands(files.commands, files.console);
  run.commands.forEach((command, i) => {
    if (command.exitCode !== recorded[i]?.exitCode)
      throw new Error(
        `step ${step.guide}/${step.id}: ${command.cmd} exited ${command.exitCode}, not ${recorded[i]?.exitCode}:\n${command.output.slice(-2000)}`,
      );
  });
  return run;
}

/** The replication guide up to its last check: primary, replica, both FerretDBs, one document. */
export async function upToReadOnlyFerretdb(): Promise<void> {
  for (const step of listSteps('replication').slice(0, 10)) await runOrThrow(step);
}

/** Closes the shell and takes the stack down with the tests' one teardown (tear-down-now.ts). */
export async function tearDown(): Promise<void> {
  shell?.close();
  shell = undefined;
  tearDownStackNow(profile.env);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
