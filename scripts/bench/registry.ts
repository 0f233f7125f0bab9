// Every bench `npm run bench` knows, in the order it runs them when given no name.
//
// To add a bench: write scripts/bench/<name>.ts exporting a `Bench`
// (scripts/bench/types.ts: `{ name, description, run(): Promise<BenchResult> }`,
// each figure with the shell command that reproduces it), import it here and
// add it to `benches`. `npm run bench -- <name>` then runs it alone, prints its
// table and merges its section into bench/results.json; scripts/bench/chart.ts
// and the README's "Latest figures" read that section.
import { siteBench } from './site';
import type { Bench } from './types';

export const benches: readonly Bench[] = [
  siteBench,
  // harness: the guide harness's own cost (containers up, steps, teardown).
  //   Not written yet: scripts/bench/harness.ts, `export const harnessBench: Bench`.
  // lag: replication lag between the primary and the replica under load.
  //   Not written yet: scripts/bench/lag.ts, `export const lagBench: Bench`.
  //   chart.ts draws static/img/bench/lag.svg from its section; until it exists
  //   that chart says so. Give its figures keys starting with `lag.` and unit `ms`
  //   or `s`, and chart.ts draws one bar per figure.
];

export function findBench(name: string): Bench | undefined {
  return benches.find((bench) => bench.name === name);
}
