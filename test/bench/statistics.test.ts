// scripts/bench/statistics.ts: the p-value behind each figure in
// plugins/site-performance/manifest.json.
import { describe, expect, it } from 'vitest';

import { median, pNoBetter } from '../../scripts/bench/statistics';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('pNoBetter', () => {
  it('is small when every run with the override beats every run without it', () => {
    expect(
      pNoBetter([96, 97, 98, 99, 97, 96, 98], [88, 89, 90, 87, 91, 86, 90], true),
    ).toBeLessThan(0.05);
    // A time: lower is better.
    expect(pNoBetter([150, 160, 170, 155], [400, 420, 390, 450], false)).toBeLessThan(0.05);
  });

  it('is large when the two builds ran the same, or the override is worse', () => {
    const same = [90, 95, 92, 97, 93];
    expect(pNoBetter(same, [...same], true)).toBeGreaterThan(0.4);
    expect(pNoBetter([88, 89, 90], [96, 97, 98], true)).toBeGreaterThan(0.9);
  });

  it('gives the same value for the same runs', () => {
    const a = [96, 93, 89, 96, 99, 94, 96];
    const b = [87, 86, 88, 91, 93, 93, 94];
    expect(pNoBetter(a, b, true)).toBe(pNoBetter(a, b, true));
  });
});
