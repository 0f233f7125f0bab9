// Every command the README names, run as a person runs it (npm run, --silent for npm's own
// header): --help prints its usage and does nothing else, and an argument it does not take is
// one line of error and the usage, exit 2, never a stack trace. scripts/cli/args.ts is the one
// parser behind them all.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lockSiteBuild } from '../site/build-lock';
import { repoRoot } from '../site/paths';

// The footprint below holds build/: no test may build the site meanwhile.
let unlock: (() => Promise<void>) | undefined;
beforeAll(async () => {
  unlock = await lockSiteBuild();
}, 600_000);
afterAll(async () => {
  await unlock?.();
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function npm(script: readonly string[], args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['--silent', ...script, '--', ...args], {
      cwd: repoRoot,
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

/**
 * What the commands would change if they ran: the builds and which one build/ is, the bench
 * results, the generated snippets (a file list and digests, so a difference reads short).
 */
async function footprint(): Promise<Record<string, unknown>> {
  const builds = (await readdir(repoRoot)).filter((name) => name.startsWith('.build-')).sort();
  const current = await realpath(path.join(repoRoot, 'build')).catch(() => 'no build');
  const results = await readFile(path.join(repoRoot, 'bench', 'results.json'), 'utf8');
  const generated = await readdir(path.join(repoRoot, 'examples', 'generated'), {
    recursive: true,
  });
  return {
    builds,
    current,
    results: sha256(results),
    generated: sha256(generated.sort().join('\n')),
  };
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
];

/** `npm start` → ['start'], `npm run build` → ['run', 'build']. */
const scriptOf = (command: string): string[] => command.split(' ').slice(1);

// Concurrent: each case is a process of its own that changes nothing, and they are most of the
// fast lane's time.
describe.concurrent('every command answers --help and refuses what it does not take', () => {
  for (const { command, usage } of COMMANDS) {
    it(`${command} -- --help prints its usage, exit 0, and does nothing else`, async () => {
      const before = await footprint();
      const run = await npm(scriptOf(command), ['--help']);
      expect(run.stderr).toBe('');
      expect(run.stdout.startsWith(`${usage} `) || run.stdout.startsWith(`${usage}\n`)).toBe(true);
      expect(run.status).toBe(0);
      expect(await footprint()).toEqual(before);
    });

    it(`${command} -- --no-such-flag is one line of error, the usage, exit 2`, async () => {
      const before = await footprint();
      const run = await npm(scriptOf(command), ['--no-such-flag']);
      expect(run.stdout).toBe('');
      const [first, blank, ...rest] = run.stderr.split('\n');
      expect(first).toBe("error: unknown option '--no-such-flag'");
      expect(blank).toBe('');
      expect(rest.join('\n')).toContain(usage);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.status).toBe(2);
      expect(await footprint()).toEqual(before);
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
      expect(run.stdout).toMatch(new RegExp(`^  ${bench.name} +${bench.description}`, 'm'));
    }
  });

  it('an unknown bench, a stray argument, a missing or wrong value: the same kind of error', async () => {
    const cases: ReadonlyArray<readonly [string[], string[], string]> = [
      [['run', 'bench'], ['no-such-bench'], 'error: no bench named "no-such-bench"'],
      [['run', 'setup'], ['now'], "error: unexpected argument 'now'"],
      [['run', 'serve'], ['--port'], "error: option '--port <value>' argument missing"],
      [['run', 'serve'], ['--port', 'http'], 'error: --port http is not a port number'],
      [['run', 'record'], ['test/site'], "error: unexpected argument 'test/site'"],
      [['run', 'record'], ['--fast'], 'error: --record and --fast do not go together'],
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
