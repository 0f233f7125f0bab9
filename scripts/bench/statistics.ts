// The statistics of the benches: medians, and whether one build of the site is better than
// another from a few noisy Lighthouse runs of each (scripts/bench/compare-builds.ts).
// A single run on this machine swings by ten points, so the comparison is of medians, and its
// p-value a permutation test: how often the runs, shuffled between the two builds at random,
// make a difference of medians at least as large as the one measured.

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * mulberry32, a small seeded generator: the same runs give the same p-value, and the same seed
 * replays the same draws (test/guide/interrupt.test.ts's interruption points).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One-sided p-value that `withIt` is no better than `withoutIt`: the share of random splits of
 * the pooled runs whose difference of medians is at least the measured one. `higherIsBetter` is
 * true for a score, false for a time.
 */
export function pNoBetter(
  withIt: readonly number[],
  withoutIt: readonly number[],
  higherIsBetter: boolean,
  shuffles = 20_000,
): number {
  const sign = higherIsBetter ? 1 : -1;
  const measured = sign * (median(withIt) - median(withoutIt));
  const pool = [...withIt, ...withoutIt];
  const next = seededRandom(1);
  let asLarge = 0;
  for (let round = 0; round < shuffles; round++) {
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const difference =
      sign * (median(pool.slice(0, withIt.length)) - median(pool.slice(withIt.length)));
    if (difference >= measured) asLarge++;
  }
  return asLarge / shuffles;
}
