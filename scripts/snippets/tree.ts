/**
 * The filesystem half of snippet generation: walk an examples tree, compute
 * what `generated/` must contain, compare it with what is there, and write.
 * Kept apart from cli.ts so tests and other scripts can call it directly.
 */
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { extractRegions, generatedFiles, isSourcePath, SnippetError } from './regions';

/** Subdirectories of the examples root that are outputs, never sources. */
export const GENERATED_DIR = 'generated';
const EXCLUDED_DIRS: readonly string[] = [GENERATED_DIR, 'recorded'];

export interface Plan {
  /** Path relative to `<root>/generated` (with `/`) → exact content it must have. */
  files: Map<string, string>;
  /** Path relative to `<root>/generated` → the source path (relative to root) that produces it. */
  producers: Map<string, string>;
}

export interface Drift {
  stale: string[];
  missing: string[];
  orphan: string[];
}

/** Lists files under `dir` as sorted `/`-separated paths relative to `dir`; symlinks are not followed. */
export async function listFiles(
  dir: string,
  skipTopLevel: readonly string[] = [],
): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (rel === '' && skipTopLevel.includes(entry.name)) continue;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) out.push(child);
    }
  }
  await walk('');
  return out.sort();
}

/**
 * Reads every source under `root` and returns what `generated/` must hold.
 * Throws an AggregateError of SnippetErrors so a person sees every broken
 * marker in one run instead of fixing them one at a time.
 */
export async function planTree(root: string, displayRoot = root): Promise<Plan> {
  const files = new Map<string, string>();
  const producers = new Map<string, string>();
  const errors: SnippetError[] = [];
  for (const rel of await listFiles(root, EXCLUDED_DIRS)) {
    if (!isSourcePath(rel)) continue;
    const source = await readFile(path.join(root, rel), 'utf8');
    const shown = path.join(displayRoot, rel);
    let regions;
    try {
      regions = extractRegions(source, shown);
    } catch (error) {
      if (error instanceof SnippetError) {
        errors.push(error);
        continue;
      }
      throw error;
    }
    // Region names hold no dot, so two sources never produce one output: nothing to arbitrate.
    for (const [out, content] of generatedFiles(rel, regions)) {
      files.set(out, content);
      producers.set(out, rel);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, errors.map((e) => e.message).join('\n'));
  return { files, producers };
}

export async function compareTree(root: string, plan: Plan): Promise<Drift> {
  const generatedRoot = path.join(root, GENERATED_DIR);
  const existing = new Set(await listFiles(generatedRoot));
  const drift: Drift = { stale: [], missing: [], orphan: [] };
  for (const [rel, content] of plan.files) {
    if (!existing.has(rel)) {
      drift.missing.push(rel);
      continue;
    }
    const current = await readFile(path.join(generatedRoot, rel), 'utf8');
    if (current !== content) drift.stale.push(rel);
  }
  for (const rel of existing) if (!plan.files.has(rel)) drift.orphan.push(rel);
  drift.stale.sort();
  drift.missing.sort();
  drift.orphan.sort();
  return drift;
}

/**
 * Brings `generated/` in line with the plan. Unchanged files are not rewritten
 * (mtimes stay put for watchers); orphans are deleted, and so are directories
 * they leave empty. Nothing outside `<root>/generated` is ever touched.
 */
export async function applyTree(root: string, plan: Plan, drift: Drift): Promise<void> {
  const generatedRoot = path.join(root, GENERATED_DIR);
  for (const rel of [...drift.missing, ...drift.stale]) {
    const target = path.join(generatedRoot, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, plan.files.get(rel) ?? '');
  }
  for (const rel of drift.orphan) {
    const target = path.resolve(generatedRoot, rel);
    // listFiles only yields paths below generatedRoot, but a delete deserves a second check.
    if (!target.startsWith(path.resolve(generatedRoot) + path.sep))
      throw new Error(`refusing to delete ${target}`);
    await rm(target);
    await removeEmptyParents(path.dirname(target), path.resolve(generatedRoot));
  }
}

async function removeEmptyParents(dir: string, stopAt: string): Promise<void> {
  let current = dir;
  while (current.startsWith(stopAt + path.sep)) {
    if ((await readdir(current)).length > 0) return;
    await rmdir(current);
    current = path.dirname(current);
  }
}
