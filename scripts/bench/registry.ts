// Every bench `npm run bench` knows, in the order it runs them when given no name.
//
// To add a bench: write scripts/bench/<name>.ts exporting a `Bench`
// (scripts/bench/types.ts: `{ name, description, run(): Promise<BenchResult> }`,
// each figure with the shell command that reproduces it), import it here and
// add it to `benches`. `npm run bench -- <name>` then runs it alone, prints its
// table and merges its section into bench/results.json; scripts/bench/chart.ts
// and the README's "Latest figures" read that section.
import { commitBench } from './commit';
import { harnessBench, harnessColdBench } from './harness';
import { lagBench } from './lag';
import { shardsBench } from './shards';
import { siteBench } from './site';
import type { Bench } from './types';

export const benches: readonly Bench[] = [siteBench, harnessBench, lagBench, commitBench];

/** Benches that run only when named, because they are slow or destructive. */
export const namedOnly: readonly Bench[] = [harnessColdBench, shardsBench];

export function findBench(name: string): Bench | undefined {
  return [...benches, ...namedOnly].find((bench) => bench.name === name);
}
