/**
 * Ctrl-C or SIGTERM at a random point of `npm test`, `npm run guide` and `npm run setup` leaves no
 * container, network, volume or half-built image behind, and a second setup after an interrupted
 * one succeeds. Ctrl-C is sent as a terminal sends it, to the command's whole process group;
 * SIGTERM as `kill` sends it, to the command's own process only. The points are drawn from a seed
 * printed with each case: INTERRUPT_SEED=<seed> replays a run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/bench/statistics';
import { repoRoot } from '../../scripts/guide/steps';
import { buildDir } from '../../scripts/provision/paths';
import { BUILT_HERE, loadProfile } from '../../scripts/stack/profiles';
import { tearDownProject } from '../lib/compose-project';
import { daemonObjects, newSince, type DaemonObjects } from '../lib/daemon-objects';

const seed = Number(process.env.INTERRUPT_SEED ?? Date.now() % 1_000_000);

// Seeded, so a failing point can be replayed.
const next = seededRandom(seed);

/** As package.json runs the commands: node with tsx's loader, no tsx CLI in between. */
const node = [process.execPath, '--import', 'tsx'] as const;

interface Run {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Whether the command was still running when the signal was sent. */
  interrupted: boolean;
  /** Processes of the command's group still running after it ended. */
  orphans: string[];
}

/** Starts a command in a process group of its own, sends `signal` after `delayMs`, waits for its end. */
async function interruptAfter(
  args: string[],
  signal: NodeJS.Signals,
  delayMs: number,
): Promise<Run> {
  const child = spawn(node[0], [...node.slice(1), ...args], {
    cwd: repoRoot,
    detached: true,
    env: { ...process.env, NO_COLOR: '1', GUIDE_RECORD: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (code, sig) => resolve([code, sig])),
  );
  const early = await Promise.race([
    ended.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), delayMs)),
  ]);
  if (!early) {
    if (signal === 'SIGINT') process.kill(-child.pid!, 'SIGINT');
    else child.kill('SIGTERM');
  }
  const timeout = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 180_000);
  const [exitCode, sig] = await ended;
  clearTimeout(timeout);
  // Nor a process: whatever the command started (vitest's workers, a step's docker CLI) ended with it.
  // A zombie (state Z) has ended: it waits for a parent to reap it, and in a container whose first
  // process does not reap, an orphan's zombie stays listed.
  const group = await $({ quiet: true, nothrow: true })`ps -o pid=,stat=,args= -g ${child.pid!}`;
  const orphans = group.stdout
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s*\d+\s+Z/.test(line));
  return { exitCode, signal: sig, stderr, interrupted: !early, orphans };
}

async function allImages(): Promise<Set<string>> {
  const out = await $({ quiet: true })`docker images -a -q --no-trunc`;
  return new Set(out.stdout.split('\n').filter(Boolean));
}

/**
 * The FerretDB images and the intermediate images of their builds: whole images, which may stay.
 * Tagged with its content hash (the daemon finishes and tags a build whose client a signal has
 * stopped, when the signal comes late enough) or with its stable name (setup's last step).
 */
async function wholeFerretdbImage(): Promise<Set<string>> {
  const tags = await $({
    quiet: true,
  })`docker images ferretdb-guide/ferretdb --format {{.Repository}}:{{.Tag}}`;
  const whole = new Set<string>();
  for (const tag of tags.stdout.split('\n').filter(Boolean)) {
    const history = await $({ quiet: true, nothrow: true })`docker history -q --no-trunc ${tag}`;
    for (const id of history.stdout.split('\n')) if (id.startsWith('sha256:')) whole.add(id);
  }
  return whole;
}

const ferretdbImage = async (): Promise<string> =>
  (
    await $({
      quiet: true,
    })`docker image inspect -f {{.Id}} ${loadProfile(BUILT_HERE).env.FERRETDB_IMAGE}`
  ).stdout.trim();

/** The work folders of image builds (.cache/build), which a finished or stopped build removes. */
function buildFolder(): string[] {
  return existsSync(buildDir) ? readdirSync(buildDir) : [];
}

interface Case {
  name: string;
  args: string[];
  /** Where in the command's run the signal may land, in ms from its start. */
  window: [number, number];
  /** Makes the command do real work: setup with nothing to build would only check. */
  prepare?: () => Promise<void>;
}

/** Removes the FerretDB image's tags, so that setup builds it again (from its cached binary). */
async function forgetFerretdbImage(): Promise<void> {
  const tags = await $({
    quiet: true,
  })`docker images ferretdb-guide/ferretdb --format {{.Repository}}:{{.Tag}}`;
  const names = tags.stdout.split('\n').filter(Boolean);
  if (names.length > 0) await $({ quiet: true })`docker rmi ${names}`;
}

const cases: Case[] = [
  {
    name: 'npm test',
    args: ['scripts/cli/run-tests.ts', 'test/guide/replication', 'test/provision/ferretdb-image'],
    window: [1_000, 30_000],
  },
  {
    name: 'npm run guide',
    args: ['scripts/guide/run-guide.ts', '--profile', 'local'],
    window: [300, 12_000],
  },
  {
    name: 'npm run setup',
    args: ['scripts/provision/setup.ts'],
    window: [200, 2_500],
    prepare: forgetFerretdbImage,
  },
];

describe(`an interrupted command leaves nothing behind (INTERRUPT_SEED=${seed})`, () => {
  let before: DaemonObjects;
  let imagesBefore: Set<string>;
  let buildEntries: Set<string>;
  // Each case on its own: what one leaves behind fails that case, not the ones after it.
  beforeEach(async () => {
    await tearDownProject();
    before = await daemonObjects();
  });
  afterAll(async () => {
    // Whatever happened above, the machine keeps its FerretDB image and no guide stack.
    await tearDownProject();
    const setup = await $({ quiet: true, nothrow: true })`${node} scripts/provision/setup.ts`;
    expect(setup.exitCode, setup.stderr).toBe(0);
  });

  for (const c of cases) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const delay = Math.round(c.window[0] + next() * (c.window[1] - c.window[0]));
      it(`${c.name}, ${signal} after ${delay} ms`, async () => {
        await c.prepare?.();
        imagesBefore = await allImages();
        buildEntries = new Set(buildFolder());
        const run = await interruptAfter(c.args, signal, delay);
        if (run.interrupted) {
          // 130 or 143 as a shell reports it: the command's own exit, or its death by the signal
          // when it came before the command had installed its handler (nothing started yet).
          const status = run.exitCode ?? 128 + (run.signal ? constants.signals[run.signal] : 0);
          expect(status, run.stderr.slice(-2000)).toBe(signal === 'SIGINT' ? 130 : 143);
        } else {
          // It ended first: then it must have ended well, and it was not an interruption test.
          console.log(`${c.name} ended before the signal (${delay} ms)`);
          expect(run.exitCode, run.stderr.slice(-2000)).toBe(0);
          if (c.name === 'npm run guide') await tearDownProject();
        }
        expect(run.orphans).toEqual([]);
        expect(newSince(before, await daemonObjects())).toEqual([]);
        // No image appeared but a whole one, tagged: the FerretDB image if setup finished building it.
        const whole = await wholeFerretdbImage();
        const images = [...(await allImages())].filter(
          (id) => !imagesBefore.has(id) && !whole.has(id),
        );
        expect(images).toEqual([]);
        const entries = buildFolder().filter((entry) => !buildEntries.has(entry));
        expect(entries).toEqual([]);
        if (c.prepare) {
          const again = await $({ quiet: true, nothrow: true })`${node} scripts/provision/setup.ts`;
          expect(again.exitCode, again.stderr).toBe(0);
          expect(await ferretdbImage()).toMatch(/^sha256:/);
        }
      });
    }
  }
});
