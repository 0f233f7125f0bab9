/**
 * `npm test -- --shard i/n`: the docker lane in n parts of similar duration, for a team with n
 * runners. Each file's duration comes from docker-durations.json (measured by a full run); the
 * longest files are placed first, each on the part with the least so far.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '../repo-root';
import { dockerJobs } from './jobs';

export interface Shard {
  readonly files: string[];
  readonly seconds: number;
}

export function measuredDurations(): Map<string, number> {
  const data = JSON.parse(
    readFileSync(path.join(repoRoot, 'scripts', 'ci', 'docker-durations.json'), 'utf8'),
  ) as Record<string, unknown>;
  return new Map(
    Object.entries(data).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

/** The docker lane's files in n parts, by measured duration. */
export function shards(
  n: number,
  files = [...dockerJobs().values()].flat(),
  durations = measuredDurations(),
): Shard[] {
  const known = [...durations.values()].sort((a, b) => a - b);
  const median = known[Math.floor(known.length / 2)] ?? 1;
  const timed = files
    .map((file) => ({ file, seconds: durations.get(file) ?? median }))
    .sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const parts = Array.from({ length: n }, () => ({ files: [] as string[], seconds: 0 }));
  for (const { file, seconds } of timed) {
    const least = parts.reduce((min, part) => (part.seconds < min.seconds ? part : min));
    least.files.push(file);
    least.seconds += seconds;
  }
  return parts.map((part) => ({ files: part.files.sort(), seconds: part.seconds }));
}

/** `i/n` as a shard's number and the count, or what is wrong with it. */
export function parseShard(text: string): { index: number; count: number } | string {
  const found = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(found?.[1]);
  const count = Number(found?.[2]);
  if (!found || count < 1 || index < 1 || index > count)
    return `--shard takes i/n with 1 ≤ i ≤ n, such as 1/3; not '${text}'`;
  return { index, count };
}
