// `npm run bench -- shards`: runs the docker lane once, writes how long each of its test files took
// to scripts/ci/docker-durations.json (what `npm test -- --shard i/n` balances its parts by), and
// reports how long the longest part of 2, 3 and 4 shards would take. Slow: a whole docker lane.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';

import { shards } from '../ci/shards';
import { repoRoot } from '../repo-root';
import type { Bench, BenchResult, Figure } from './types';

interface VitestJson {
  readonly testResults: readonly { name: string; startTime: number; endTime: number }[];
}

const DURATIONS = path.join(repoRoot, 'scripts', 'ci', 'docker-durations.json');

export const shardsBench: Bench = {
  name: 'shards',
  description: 'the docker lane, file by file, and the shards npm test -- --shard i/n makes of it',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-shards-'));
    try {
      const report = path.join(dir, 'vitest.json');
      await $({
        cwd: repoRoot,
        stdio: 'inherit',
      })`node_modules/.bin/vitest run --project docker --reporter=default --reporter=json --outputFile.json=${report}`;
      const { testResults } = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
      const measured = Object.fromEntries(
        testResults
          .map(
            (r) =>
              [
                path.relative(repoRoot, r.name),
                Math.round((r.endTime - r.startTime) / 100) / 10,
              ] as const,
          )
          .sort(([a], [b]) => a.localeCompare(b)),
      );
      const old = JSON.parse(readFileSync(DURATIONS, 'utf8')) as { $comment: string };
      writeFileSync(
        DURATIONS,
        `${JSON.stringify({ $comment: old.$comment, ...measured }, null, 2)}\n`,
      );
      const durations = new Map(Object.entries(measured));
      const total = [...durations.values()].reduce((sum, s) => sum + s, 0);
      const figures: Figure[] = [
        {
          key: 'shards.1',
          label: 'The docker lane, one file after another',
          value: Math.round(total),
          unit: 's',
          command: 'npm run bench -- shards',
        },
        ...[2, 3, 4].map((n) => ({
          key: `shards.${n}`,
          label: `The longest of ${n} shards (npm test -- --shard i/${n})`,
          value: Math.round(
            Math.max(...shards(n, [...durations.keys()], durations).map((s) => s.seconds)),
          ),
          unit: 's',
          command: 'npm run bench -- shards',
        })),
      ];
      return {
        figures,
        notes: [
          'Setup and the fast and browser lanes are not part of a shard: each runner provisions, then runs its part.',
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
