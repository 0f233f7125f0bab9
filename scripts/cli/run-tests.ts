// npm test, npm run test:fast and npm run record: the type check, npm run setup, and the tests.
// One command rather than `npm run setup && vitest run` in package.json, where npm adds a person's
// arguments to the last command: `npm test -- --help` would provision the machine before vitest
// printed its help.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';

import { changedFiles } from '../ci/changed-files';
import { affectedJobs, allJobs, FAST, testFilesOf } from '../ci/jobs';
import { parseShard, shards } from '../ci/shards';
import { listGuides, listSteps } from '../guide/steps';
import { parseCli } from './args';
import { repoRoot } from '../repo-root';

const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

const cli = parseCli({
  usage: `usage: npm test [-- FILTER ...] [-- -- VITEST_OPTION ...]
       npm run test:fast [-- FILTER ...] [-- -- VITEST_OPTION ...]
       npm run record [-- GUIDE | GUIDE/STEP]

npm test type-checks the code (tsc --noEmit), provisions what the tests need (npm run setup),
then runs every test, or the test files whose path contains a FILTER; what follows a second --
goes to vitest as it is.
npm run test:fast type-checks while it runs the fast lane alone: every test that needs neither
Docker nor a browser (vitest.config.mts says which), without setup and with no Docker installed.
npm run record writes the files that name the pinned versions (npm run versions), provisions, runs the guides' zx scripts (test/guide with GUIDE_RECORD=1) and
regenerates the snippets; it rewrites only the recordings that no longer match. With GUIDE, only
that guide's; with GUIDE/STEP (failover/02-check-replica-caught-up), only that step's files, the
steps before it run for the state it needs. Review the diff, then commit.
npm test -- --affected REF runs only the CI jobs that the files changed since REF (committed,
staged, or not yet added) can affect, as a pull request's workflow does (scripts/ci/jobs.ts);
npm test -- --shard I/N runs part I of the docker lane cut into N parts of similar measured
duration (scripts/ci/shards.ts), for a team with N runners.
  --fast          what npm run test:fast runs
  --record        what npm run record runs
  --affected REF  only the jobs the changes since REF can affect
  --job NAME      only one CI job: fast, browser, or a docker job (a guide's name, application,
                  provisioning), as the workflow's matrix runs it
  --shard I/N     only part I of N of the docker lane
  -h, --help      print this and exit`,
  options: {
    fast: { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
    affected: { type: 'string' },
    job: { type: 'string' },
    shard: { type: 'string' },
  },
  positionals: true,
});
if (cli.values.record && cli.values.fast) {
  cli.usageError('--record and --fast do not go together');
}
/** What `npm run record -- X` names: a guide's test file, and the one step to write, if any. */
function recordTarget(name: string | undefined): { files: string[]; only?: string } {
  if (name === undefined) return { files: ['test/guide'] };
  const [guide = '', step] = name.split('/');
  const testFile = `test/guide/${guide}.test.ts`;
  if (!existsSync(path.join(repoRoot, testFile)))
    cli.usageError(`no guide '${guide}': name one of ${listGuides().join(', ')}`);
  if (step !== undefined && !listSteps(guide).some((s) => s.id === step))
    cli.usageError(
      `no step '${step}' in ${guide}: name one of ${listSteps(guide)
        .map((s) => s.id)
        .join(', ')}`,
    );
  return { files: [testFile], only: step === undefined ? undefined : name };
}
if (cli.values.record && cli.positionals.length > 1) {
  cli.usageError(
    `unexpected argument '${cli.positionals[1]}': npm run record takes one guide or step`,
  );
}
const target = cli.values.record ? recordTarget(cli.positionals[0]) : { files: [] };

const selecting = [
  cli.values.affected,
  cli.values.job,
  cli.values.shard,
  cli.values.record || cli.values.fast || undefined,
];
if (selecting.filter((value) => value !== undefined).length > 1)
  cli.usageError('--affected, --job, --shard, --record and --fast each choose what runs: give one');

/** The test files `--affected`, `--job` or `--shard` chose, said on the way; undefined when none is given. */
function selectedFiles(): string[] | undefined {
  if (cli.values.affected !== undefined) {
    const changed = changedFiles(cli.values.affected, { uncommitted: true });
    if (typeof changed === 'string') return cli.usageError(changed);
    const jobs = affectedJobs(changed);
    console.log(
      `${changed.length} file(s) changed since ${cli.values.affected}; jobs they can affect: ${jobs.join(', ') || 'none'}`,
    );
    return jobs.flatMap(testFilesOf);
  }
  if (cli.values.job !== undefined) {
    const jobs = allJobs();
    if (!jobs.includes(cli.values.job))
      return cli.usageError(`no job '${cli.values.job}': name one of ${jobs.join(', ')}`);
    return testFilesOf(cli.values.job);
  }
  if (cli.values.shard !== undefined) {
    const parsed = parseShard(cli.values.shard);
    if (typeof parsed === 'string') return cli.usageError(parsed);
    const part = shards(parsed.count)[parsed.index - 1]!;
    console.log(
      `shard ${parsed.index}/${parsed.count} of the docker lane: ${part.files.length} file(s), about ${Math.round(part.seconds)} s measured`,
    );
    return part.files;
  }
  return undefined;
}
const selected = selectedFiles();
if (selected !== undefined && cli.positionals.length > 0)
  cli.usageError(
    `unexpected argument '${cli.positionals[0]}': --affected, --job and --shard choose the files`,
  );

interface Step {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Runs beside the steps after it, its output shown once they are done: tsc prints nothing but
   * its errors, and the fast lane needs the second core more than a type error needs to be first.
   */
  readonly beside?: boolean;
}

const typecheck: Step = { command: bin('tsc'), args: ['--noEmit'] };
// `node --import tsx`, not the tsx CLI: the CLI relays a signal to its child and SIGKILLs the
// child unless it acknowledges within 30 ms, which a child busy cleaning up cannot promise
// (scripts/cli/on-interrupt.ts). package.json runs every script the same way.
const tsNode = (script: string): Step => ({
  command: process.execPath,
  args: ['--import', 'tsx', script],
});
const setup: Step = tsNode('scripts/provision/setup.ts');
const steps: readonly Step[] = cli.values.record
  ? [
      // First the files that name the pinned versions, so that a bump in scripts/stack/versions.ts
      // reaches the profiles, and so the images setup builds, before anything runs.
      tsNode('scripts/stack/sync-version-files.ts'),
      setup,
      {
        command: bin('vitest'),
        args: ['run', ...target.files],
        env: { GUIDE_RECORD: '1', GUIDE_RECORD_ONLY: target.only ?? '' },
      },
      tsNode('scripts/snippets/cli.ts'),
    ]
  : cli.values.fast
    ? [
        { ...typecheck, beside: true },
        { command: bin('vitest'), args: ['run', '--project', 'fast', ...cli.positionals] },
      ]
    : selected?.length === 0
      ? [typecheck]
      : selected?.every((file) => testFilesOf(FAST).includes(file))
        ? [{ command: bin('vitest'), args: ['run', ...selected] }, typecheck]
        : // A type error fails in seconds, before setup and the long tests.
          [
            typecheck,
            setup,
            { command: bin('vitest'), args: ['run', ...(selected ?? cli.positionals)] },
          ];

interface Ended {
  readonly step: Step;
  readonly code: number;
  /** What a step run beside the others printed, held back; empty for the others. */
  readonly output: string;
}

/** Runs one step to its end; its exit code, or 128 + the signal's number, as a shell gives. */
function run(step: Step): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(step.command, step.args, {
      cwd: repoRoot,
      stdio: step.beside ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...step.env },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Ctrl-C reaches the whole process group, the step too, which cleans up and exits (vitest
    // takes the guide's stack down: test/lib/global-setup.ts); this process waits for it. A
    // SIGTERM sent to this process alone is passed on.
    const ignore = (): void => {};
    const forward = (): void => void child.kill('SIGTERM');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolve({ step, code: code ?? 128 + (signal ? constants.signals[signal] : 0), output });
    });
  });
}

async function main(): Promise<number> {
  const beside: Promise<Ended>[] = [];
  let code = 0;
  for (const step of steps) {
    if (step.beside) {
      beside.push(run(step));
      continue;
    }
    code = (await run(step)).code;
    if (code !== 0) break;
  }
  for (const ended of await Promise.all(beside)) {
    const { step } = ended;
    if (ended.output !== '')
      process.stdout.write(
        `\n${path.basename(step.command)} ${step.args.join(' ')}:\n${ended.output}`,
      );
    if (code === 0) code = ended.code;
  }
  return code;
}

void main().then((code) => {
  process.exitCode = code;
});
