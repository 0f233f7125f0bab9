// npm test and npm run record: npm run setup, then the tests. One command rather than
// `npm run setup && vitest run` in package.json, where npm adds a person's arguments to the
// last command: `npm test -- --help` provisioned the machine before vitest printed its help.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseCli } from './args';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

const cli = parseCli({
  usage: `usage: npm test [-- FILTER ...] [-- -- VITEST_OPTION ...]
       npm run record

npm test provisions what the tests need (npm run setup), then runs every test, or the test
files whose path contains a FILTER; what follows a second -- goes to vitest as it is.
npm run record provisions, records the guide's outputs again (test/guide with GUIDE_RECORD=1)
and regenerates the snippets: review the diff, then commit.
  --record    what npm run record runs
  -h, --help  print this and exit`,
  options: { record: { type: 'boolean', default: false } },
  positionals: true,
});
if (cli.values.record && cli.positionals.length > 0) {
  cli.usageError(`unexpected argument '${cli.positionals[0]}': npm run record takes none`);
}

interface Step {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

const setup: Step = { command: bin('tsx'), args: ['scripts/provision/setup.ts'] };
const steps: readonly Step[] = cli.values.record
  ? [
      setup,
      { command: bin('vitest'), args: ['run', 'test/guide'], env: { GUIDE_RECORD: '1' } },
      { command: bin('tsx'), args: ['scripts/snippets/cli.ts'] },
    ]
  : [setup, { command: bin('vitest'), args: ['run', ...cli.positionals] }];

/** Runs one step to its end; its exit code, or 128 + the signal's number, as a shell gives. */
function run(step: Step): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(step.command, step.args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    });
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
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

async function main(): Promise<number> {
  for (const step of steps) {
    const code = await run(step);
    if (code !== 0) return code;
  }
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
