// The shapes every bench shares: what a bench returns, and what
// bench/results.json keeps for it.

/** One measured number, with the command a person runs to measure it again. */
export interface Figure {
  /** Stable id, used by the chart and the README (e.g. `build.faster.medianSeconds`). */
  readonly key: string;
  /** What was measured, in words. */
  readonly label: string;
  readonly value: number;
  /** `s`, `bytes`, `score` (0-100), `ms`, ... */
  readonly unit: string;
  /** A shell command that reproduces this figure by hand. */
  readonly command: string;
}

export interface BenchResult {
  readonly figures: readonly Figure[];
  /** Anything a reader of the figures should know (caches, throttling, ...). */
  readonly notes?: readonly string[];
}

/** What a file under scripts/bench/ exports to be registered in registry.ts. */
export interface Bench {
  /** The name on the command line: `npm run bench -- <name>`, and the key in results.json. */
  readonly name: string;
  readonly description: string;
  run(): Promise<BenchResult>;
}

export interface Machine {
  readonly cpus: { readonly model: string; readonly count: number };
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
}

/** One bench's section of bench/results.json. */
export interface BenchSection {
  /** ISO 8601, when the run finished. */
  readonly measuredAt: string;
  readonly machine: Machine;
  /** The command that reruns the whole bench. */
  readonly command: string;
  readonly figures: readonly Figure[];
  readonly notes?: readonly string[];
}

/** bench/results.json: one section per bench name; a bench not run yet has none. */
export type Results = Partial<Record<string, BenchSection>>;
