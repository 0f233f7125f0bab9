/**
 * The workflow's plan: which jobs to run, as GitHub step outputs (`name=value` lines for
 * $GITHUB_OUTPUT). A pull request runs what the files it changes can affect (scripts/ci/jobs.ts);
 * a push, a schedule or a manual run runs everything.
 *
 *   node --import tsx scripts/ci/plan.ts --base origin/main   # a pull request against main
 *   node --import tsx scripts/ci/plan.ts --all
 */
import { parseCli } from '../cli/args';
import { changedFiles } from './changed-files';
import { affectedJobs, allJobs, BROWSER, dockerJobs, FAST } from './jobs';

/** The outputs for a set of jobs: fast and browser as true or false, the docker jobs as a JSON list for a matrix. */
export function planOutputs(jobs: readonly string[]): string {
  const docker = [...dockerJobs().keys()].filter((job) => jobs.includes(job));
  return [
    `fast=${jobs.includes(FAST)}`,
    `browser=${jobs.includes(BROWSER)}`,
    `docker=${JSON.stringify(docker)}`,
    '',
  ].join('\n');
}

if (process.argv[1]?.endsWith('plan.ts')) {
  const cli = parseCli({
    usage: `usage: node --import tsx scripts/ci/plan.ts (--base REF | --all)

Prints the CI jobs to run as GitHub step outputs: fast, browser, and docker (a JSON list).
  --base REF  the jobs the files changed since REF (its merge base with HEAD) can affect
  --all       every job
  -h, --help  print this and exit`,
    options: { base: { type: 'string' }, all: { type: 'boolean', default: false } },
  });
  const { base, all } = cli.values;
  if ((base === undefined) === !all) cli.usageError('give --base REF or --all');
  const changed = base === undefined ? [] : changedFiles(base, { uncommitted: false });
  if (typeof changed === 'string') cli.usageError(changed);
  process.stdout.write(planOutputs(all ? allJobs() : affectedJobs(changed as string[])));
}
