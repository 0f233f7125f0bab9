// Every command the README names, run as npm runs it: --help prints its usage and does nothing
// else, and an argument it does not take is one line of error and the usage, exit 2, never a
// stack trace. scripts/cli/args.ts is the one parser behind them all.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { lockSiteBuild } from '../site/build-lock';
import { repoRoot } from '../site/paths';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const scripts = (
  JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/**
 * `npm --silent <script> -- <args>` as npm runs it: the script's line from package.json with the
 * arguments appended (to its last command, which is why npm test is one command), in sh, with
 * node_modules/.bin first on PATH. Without npm's own start, a third of each run's time.
 */
function npm(script: readonly string[], args: readonly string[]): Promise<Run> {
  const line = scripts[script.at(-1) ?? ''];
  if (line === undefined) throw new Error(`package.json has no script ${script.join(' ')}`);
  const quoted = args.map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`);
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', [line, ...quoted].join(' ')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PATH: `${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The commands that build the site themselves; what they leave includes the builds. */
const BUILD_THE_SITE = new Set(['npm start', 'npm run serve', 'npm run build', 'npm run bench']);

/**
 * What the commands would change if they ran: the bench results, the generated snippets (a file
 * list and digests, so a difference reads short), and with `builds`, the builds and which one
 * build/ is.
 */
async function footprint(builds: boolean): Promise<Record<string, unknown>> {
  const results = await readFile(path.join(repoRoot, 'bench', 'results.json'), 'utf8');
  const generated = await readdir(path.join(repoRoot, 'examples', 'generated'), {
    recursive: true,
  });
  return {
    results: sha256(results),
    generated: sha256(generated.sort().join('\n')),
    ...(builds && {
      builds: (await readdir(repoRoot)).filter((name) => name.startsWith('.build-')).sort(),
      current: await realpath(path.join(repoRoot, 'build')).catch(() => 'no build'),
    }),
  };
}

/**
 * Runs `command` and checks it left its footprint as it was. For a command that builds the site,
 * build/ is held for the while (test/site/build-lock.ts): build-swap.test.ts, in the same lane,
 * builds it too.
 */
async function leftAlone(command: string, run: () => Promise<Run>): Promise<Run> {
  const builds = BUILD_THE_SITE.has(command);
  const unlock = builds ? await lockSiteBuild() : undefined;
  try {
    const before = await footprint(builds);
    const result = await run();
    expect(await footprint(builds)).toEqual(before);
    return result;
  } finally {
    await unlock?.();
  }
}

const COMMANDS: ReadonlyArray<{ readonly command: string; readonly usage: string }> = [
  { command: 'npm start', usage: 'usage: npm start' },
  { command: 'npm run serve', usage: 'usage: npm start' },
  { command: 'npm run build', usage: 'usage: npm run build' },
  { command: 'npm test', usage: 'usage: npm test' },
  { command: 'npm run test:fast', usage: 'usage: npm test' },
  { command: 'npm run record', usage: 'usage: npm test' },
  { command: 'npm run setup', usage: 'usage: npm run setup' },
  { command: 'npm run guide', usage: 'usage: npm run guide' },
  { command: 'npm run snippets', usage: 'usage: npm run snippets' },
  { command: 'npm run bench', usage: 'usage: npm run bench' },
  { command: 'npm run compare-builds', usage: 'usage: npm run compare-builds' },
];

/** `npm start` → ['start'], `npm run build` → ['run', 'build']. */
const scriptOf = (command: string): string[] => command.split(' ').slice(1);

// Concurrent: each case is a process of its own that changes nothing, and together they are the
// fast lane's longest file.
describe.concurrent('every command answers --help and refuses what it does not take', () => {
  for (const { command, usage } of COMMANDS) {
    it(`${command} -- --help prints its usage, exit 0, and does nothing else`, async () => {
      const run = await leftAlone(command, () => npm(scriptOf(command), ['--help']));
      expect(run.stderr).toBe('');
      expect(run.stdout.startsWith(`${usage} `) || run.stdout.startsWith(`${usage}\n`)).toBe(true);
      expect(run.status).toBe(0);
    });

    it(`${command} -- --no-such-flag is one line of error, the usage, exit 2`, async () => {
      const run = await leftAlone(command, () => npm(scriptOf(command), ['--no-such-flag']));
      expect(run.stdout).toBe('');
      const [first, blank, ...rest] = run.stderr.split('\n');
      expect(first).toBe("error: unknown option '--no-such-flag'");
      expect(blank).toBe('');
      expect(rest.join('\n')).toContain(usage);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.status).toBe(2);
    });
  }

  // setup provisions a machine: the proof that --help did none of it is its whole output.
  it('npm run setup -- -h prints the usage alone: no provisioning step started', async () => {
    const run = await npm(['run', 'setup'], ['-h']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('▸');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('  -h, --help  print this and exit');
  });

  it('npm run bench -- --help lists the registered benches', async () => {
    const { benches, namedOnly } = await import('../../scripts/bench/registry');
    const run = await npm(['run', 'bench'], ['--help']);
    for (const bench of [...benches, ...namedOnly]) {
      const description = bench.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(run.stdout).toMatch(new RegExp(`^  ${bench.name} +${description}`, 'm'));
    }
  });

  it('an unknown bench, a stray argument, a missing or wrong value: the same kind of error', async () => {
    const cases: ReadonlyArray<readonly [string[], string[], string]> = [
      [['run', 'bench'], ['no-such-bench'], 'error: no bench named "no-such-bench"'],
      [['run', 'setup'], ['now'], "error: unexpected argument 'now'"],
      [['run', 'serve'], ['--port'], "error: option '--port <value>' argument missing"],
      [['run', 'serve'], ['--port', 'http'], 'error: --port http is not a port number'],
      [['run', 'record'], ['test/site'], "error: no guide 'test': name one of failover, faults,"],
      [
        ['run', 'record'],
        ['failover/99-none'],
        "error: no step '99-none' in failover: name one of",
      ],
      [['run', 'record'], ['failover', 'faults'], "error: unexpected argument 'faults'"],
      [['run', 'record'], ['--fast'], 'error: --record and --fast do not go together'],
      [['test'], ['--job', 'nope'], "error: no job 'nope': name one of fast, browser,"],
      [['test'], ['--shard', '4/3'], 'error: --shard takes i/n with 1 ≤ i ≤ n'],
      [['test'], ['--affected', 'HEAD', '--job', 'fast'], 'error: --affected, --job, --shard,'],
      [['run', 'guide'], ['--profile', 'production'], 'error: unknown profile "production"'],
    ];
    for (const [script, args, error] of cases) {
      const run = await npm(script, args);
      expect(run.stderr.split('\n')[0], `${script.join(' ')} -- ${args.join(' ')}`).toContain(
        error,
      );
      expect(run.status).toBe(2);
    }
  });
});
