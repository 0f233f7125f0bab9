// The cost of verifying the replication guide: each phase of one run of its steps, with images
// present and the daemon running, median of several runs. Cold setup time (no images) is a
// separate figure because it rebuilds the images: `npm run bench -- harness-cold`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { $ } from 'zx';

import { pluginPath } from '../provision/compose-plugin';
import { daemonApiVersion } from '../provision/docker-engine';
import { binDir, buildDir } from '../provision/paths';
import { ferretdbRecipe } from '../provision/ferretdb-image';
import { postgresRecipe } from '../provision/postgres-image';
import { composeFile, listSteps } from '../guide/steps';
import { profile, runOrThrow, tearDown } from './guide-stack';
import { median } from './statistics';
import type { Bench, BenchResult, Figure } from './types';

const RUNS = 3;

/** Step id prefixes of each phase, in the guide's order. */
const PHASES: readonly { key: string; label: string; steps: readonly string[] }[] = [
  { key: 'primaryUp', label: 'Primary container up and healthy (step 1)', steps: ['01'] },
  {
    key: 'primaryConfig',
    label: 'Replication role and primary configuration (steps 2–4)',
    steps: ['02', '03', '04'],
  },
  { key: 'baseBackup', label: 'Base backup and replica up and healthy (step 5)', steps: ['05'] },
  { key: 'streaming', label: 'Replica streaming checks (steps 6–8)', steps: ['06', '07', '08'] },
  {
    key: 'ferretdb',
    label: 'FerretDB up, write, read on the replica, refused write (steps 9–11)',
    steps: ['09', '10', '11'],
  },
  { key: 'teardown', label: 'Teardown (step 12)', steps: ['12'] },
];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

/**
 * What no guide can go below on this machine: the PostgreSQL starts and the base backup alone,
 * the same docker and SQL commands as steps 1, 2, 3 and 5, with no page shell, no mongosh and no checks.
 * Measured in the same run as the guide, so the two figures share the machine's mood.
 */
async function floor(): Promise<number> {
  // Passwords of their own, as step 1 generates: compose.yaml has no fallback.
  const password = randomBytes(24).toString('hex');
  const env = { ...process.env, ...profile.env, POSTGRES_PASSWORD: password };
  const sh = $({ quiet: true, env });
  const psql = (sql: string) => sh`docker exec postgres_primary psql -U user -d postgres -c ${sql}`;
  const seconds = await timed(async () => {
    await sh`docker compose -f ${composeFile} up -d --wait postgres_primary`;
    await psql(`CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${password}'`);
    await sh`docker exec postgres_primary sh -c ${"echo 'host replication replicator samenet scram-sha-256' >> /var/lib/postgresql/data/pg_hba.conf"}`;
    await psql('SELECT pg_reload_conf()');
    await sh`docker exec -e PGPASSWORD=${password} postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/replica_backup -R -X stream -c fast`;
    await sh`docker compose -f ${composeFile} up -d --wait postgres_replica`;
  });
  await tearDown();
  return seconds;
}

/** The local images' sizes as the daemon reports them (uncompressed), in MB. */
async function imageSizes(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const recipe of [postgresRecipe(), ferretdbRecipe()]) {
    const name = `${recipe.repository}:${recipe.stableTag}`;
    const size = await $({ quiet: true, nothrow: true })`docker image inspect -f {{.Size}} ${name}`;
    if (size.exitCode !== 0) continue;
    figures.push({
      key: `image.${recipe.repository.split('/')[1]}.mb`,
      label: `Image ${name}, uncompressed`,
      value: Math.round(Number(size.stdout.trim()) / 1e6),
      unit: 'MB',
      command: `docker image inspect -f {{.Size}} ${name}`,
    });
  }
  return figures;
}

export const harnessBench: Bench = {
  name: 'harness',
  description: `the replication guide's verification, phase by phase, median of ${RUNS} runs with images present`,
  async run(): Promise<BenchResult> {
    const steps = listSteps('replication');
    const samples = new Map<string, number[]>([
      ['daemon', []],
      ['total', []],
      ['floor', []],
    ]);
    await tearDown();
    for (let run = 1; run <= RUNS; run += 1) {
      samples.get('daemon')!.push(await timed(daemonApiVersion));
      let total = 0;
      for (const phase of PHASES) {
        const seconds = await timed(async () => {
          for (const step of steps.filter((s) => phase.steps.some((p) => s.id.startsWith(`${p}-`))))
            await runOrThrow(step);
        });
        total += seconds;
        samples.set(phase.key, [...(samples.get(phase.key) ?? []), seconds]);
      }
      samples.get('total')!.push(total);
      const bare = await floor();
      samples.get('floor')!.push(bare);
      console.log(`  run ${run}: guide ${total.toFixed(1)} s, floor ${bare.toFixed(1)} s`);
    }
    const figure = (key: string, label: string): Figure => ({
      key: `harness.${key}.seconds`,
      label: `${label}, median of ${RUNS}`,
      value: Number(median(samples.get(key) ?? []).toFixed(2)),
      unit: 's',
      command: 'npm run bench -- harness',
    });
    return {
      figures: [
        figure('daemon', 'Daemon answers (docker version)'),
        ...PHASES.map((phase) => figure(phase.key, phase.label)),
        figure('total', 'All 12 steps of the replication guide'),
        figure(
          'floor',
          'Floor: the PostgreSQL starts and the base backup alone (docker and SQL of steps 1, 2, 3, 5), in the same run',
        ),
        ...(await imageSizes()),
      ],
      notes: [
        `Profile ${profile.name}. Each step's Shell tab is pasted into one bash, as the tests paste it; images present, daemon running, nothing else on the machine.`,
        'The floor runs the same docker and SQL commands as steps 1, 2, 3 and 5 straight from the bench: no shell, no mongosh, no checks, no FerretDB.',
      ],
    };
  },
};

/** `✔ title (12.3 s)`: setup's line when a step ends. */
const SETUP_STEP = /^✔ (.+) \((\d+(?:\.\d+)?) s\)$/m;

export const harnessColdBench: Bench = {
  name: 'harness-cold',
  description:
    'npm run setup on a machine with nothing built: no images, no compose plugin, empty Go caches',
  async run(): Promise<BenchResult> {
    await tearDown();
    const repositories = [postgresRecipe(), ferretdbRecipe()].map((r) => r.repository);
    const listed = await Promise.all(
      repositories.map((repository) => $({ quiet: true })`docker images -q ${repository}`),
    );
    const ids = [...new Set(listed.flatMap((out) => out.stdout.split('\n')).filter(Boolean))];
    if (ids.length > 0) await $({ quiet: true })`docker rmi -f ${ids}`;
    // What setup builds and keeps: binaries and work folders in .cache, the compose plugin.
    rmSync(binDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(pluginPath(), { force: true });
    // Go's caches (modules, toolchains, compiled packages) in folders of their own, empty.
    const goHome = mkdtempSync(path.join(os.tmpdir(), 'bench-cold-go-'));
    const env = {
      ...process.env,
      GOCACHE: path.join(goHome, 'build'),
      GOMODCACHE: path.join(goHome, 'mod'),
      GOPATH: path.join(goHome, 'path'),
    };
    let output = '';
    const seconds = await timed(async () => {
      output = (await $({ quiet: true, env })`npx tsx scripts/provision/setup.ts`).stdout;
    });
    await $({ quiet: true })`chmod -R u+w ${goHome}`; // the module cache is read-only
    rmSync(goHome, { recursive: true, force: true });
    const warm = await timed(() => $({ quiet: true })`npx tsx scripts/provision/setup.ts`);
    const steps = output
      .split('\n')
      .map((line) => SETUP_STEP.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => `${match[1]}: ${match[2]} s`);
    return {
      figures: [
        {
          key: 'setup.cold.seconds',
          label: 'npm run setup with nothing built (no images, no compose, empty Go caches)',
          value: Number(seconds.toFixed(1)),
          unit: 's',
          command: 'npm run bench -- harness-cold',
        },
        {
          key: 'setup.warm.seconds',
          label: 'npm run setup again, everything present',
          value: Number(warm.toFixed(1)),
          unit: 's',
          command: 'time npm run setup',
        },
      ],
      notes: [
        `Cold setup, step by step: ${steps.join('; ')}.`,
        'Debian packages setup installs (docker.io, debootstrap, chromium) stay installed; on a new machine apt-get adds about a minute.',
      ],
    };
  },
};
