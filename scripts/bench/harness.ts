// The cost of verifying the replication guide: each phase of one run of its steps, with images
// present and the daemon running, median of several runs. Cold setup time (no images) is a
// separate figure because it rebuilds the images: `npm run bench -- harness-cold`.
import { $ } from 'zx';

import { daemonApiVersion } from '../provision/docker-engine';
import { listSteps } from '../guide/steps';
import { median, runOrThrow, tearDown } from './guide-stack';
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

export const harnessBench: Bench = {
  name: 'harness',
  description: `the replication guide's verification, phase by phase, median of ${RUNS} runs with images present`,
  async run(): Promise<BenchResult> {
    const steps = listSteps('replication');
    const samples = new Map<string, number[]>([
      ['daemon', []],
      ['total', []],
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
      console.log(`  run ${run}: ${total.toFixed(1)} s`);
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
      ],
      notes: [
        'Each step is one `npx zx` process; images present, daemon running, nothing else on the machine.',
      ],
    };
  },
};

export const harnessColdBench: Bench = {
  name: 'harness-cold',
  description:
    'npm run setup with no local images: debootstrap, Go build of FerretDB, image builds',
  async run(): Promise<BenchResult> {
    await tearDown();
    const images = await $({
      quiet: true,
    })`docker images -q ferretdb-guide/postgres ferretdb-guide/ferretdb`;
    const ids = [...new Set(images.stdout.split('\n').filter(Boolean))];
    if (ids.length > 0) await $({ quiet: true })`docker rmi -f ${ids}`;
    const seconds = await timed(() => $({ quiet: true })`npx tsx scripts/provision/setup.ts`);
    const warm = await timed(() => $({ quiet: true })`npx tsx scripts/provision/setup.ts`);
    return {
      figures: [
        {
          key: 'setup.cold.seconds',
          label: 'npm run setup with no images (Go build cache warm)',
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
        'The Go build cache (~/.cache/go-build) is kept: a machine without it adds a few minutes of compiling.',
      ],
    };
  },
};
