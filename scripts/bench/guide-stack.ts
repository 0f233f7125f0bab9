// Bringing the guide's stack up and down for a bench, with the same step scripts the tests run,
// on the profile the tests run (scripts/guide/profiles.ts: GUIDE_PROFILE, else local). The benches hold the same lock as the tests
// (flock on /tmp/ferretdb-guide-docker.lock when run by hand next to them) because the guide's
// containers have fixed names and ports.
import { $ } from 'zx';

import { resolveProfile } from '../guide/profiles';
import { runStep, type StepRun } from '../guide/run-step';
import { composeFile, listSteps, type Step } from '../guide/steps';

export const profile = resolveProfile('tests');

export async function runOrThrow(step: Step): Promise<StepRun> {
  const run = await runStep(step, { profile: profile.name });
  if (run.exitCode !== 0) {
    throw new Error(
      `step ${step.guide}/${step.id} exited ${run.exitCode}:\n${run.stderr.slice(-2000)}`,
    );
  }
  return run;
}

/** The replication guide up to its last check: primary, replica, both FerretDBs, one document. */
export async function upToReadOnlyFerretdb(): Promise<void> {
  for (const step of listSteps('replication').slice(0, 10)) await runOrThrow(step);
}

export async function tearDown(): Promise<void> {
  await $({
    quiet: true,
    nothrow: true,
    env: { ...process.env, ...profile.env },
  })`docker compose -f ${composeFile} down --volumes --remove-orphans --timeout 5`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
