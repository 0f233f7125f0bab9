// bench/results.json: read it, and merge one bench's new section into it
// without touching the sections of benches that did not run.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { BenchSection, Results } from './types';
import { repoRoot } from '../repo-root';

export { repoRoot };

export const resultsFile = path.join(repoRoot, 'bench', 'results.json');

/** The results in `file`, or none when it does not exist yet. */
export async function readResults(file = resultsFile): Promise<Results> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${file}: expected an object of bench sections`);
  }
  return parsed as Results;
}

/** Replaces `name`'s section, keeps the others, and writes the file sorted by bench name. */
export async function mergeResult(
  name: string,
  section: BenchSection,
  file = resultsFile,
): Promise<Results> {
  const merged: Results = { ...(await readResults(file)), [name]: section };
  const sorted = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((key) => [key, merged[key]]),
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return sorted;
}
