// Builds the site into a fresh folder next to build/ and swaps it in with one
// rename(2), so a server that serves build/ (`npm start`, a test) never finds
// it empty or half written: `docusaurus build` empties its output folder first
// and writes it for a minute.
//
// build/ is a symbolic link to the current build, a sibling `.build-<id>/`.
// Renaming a new link over the old one replaces it atomically; replacing a
// directory takes two renames, with a moment between them when there is no
// build/ at all. The build before the current one is kept too: a page loaded
// just before the swap still finds its content-hashed scripts.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { lstat, mkdtemp, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../repo-root';

/** A finished build: `.build-<id>`; one still being written: `.build-next-<pid>-<id>`. */
const FINISHED = /^\.build-(?!next-)[A-Za-z0-9]+$/;
const IN_PROGRESS = /^\.build-next-(\d+)-[A-Za-z0-9]+$/;

export interface BuildOptions {
  /** The Docusaurus site; its build/ is what gets swapped. Default: this repository. */
  readonly siteDir?: string;
  /** Keep docusaurus' output for the error instead of showing it as it runs. */
  readonly quiet?: boolean;
}

/** `docusaurus build` failed; the message holds its output when it was kept. */
export class BuildError extends Error {}

function runDocusaurusBuild(siteDir: string, outDir: string, quiet: boolean): Promise<void> {
  const docusaurus = path.join(repoRoot, 'node_modules', '.bin', 'docusaurus');
  return new Promise((resolve, reject) => {
    const child = spawn(docusaurus, ['build', '--out-dir', outDir], {
      cwd: siteDir,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(new BuildError(`docusaurus build failed (${signal ?? `exit ${code}`})\n${output}`));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folder build/ points to, or undefined when build/ is missing or a plain directory. */
async function linkTarget(link: string): Promise<string | undefined> {
  try {
    if (!(await lstat(link)).isSymbolicLink()) return undefined;
    return path.basename(await readlink(link));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Points build/ at `target` (a sibling's name) in one rename. */
async function swapIn(buildDir: string, target: string): Promise<void> {
  const siteDir = path.dirname(buildDir);
  const link = path.join(siteDir, `.build-link-${randomUUID()}`);
  // Relative, so the repository can be moved or mounted elsewhere.
  await symlink(target, link);
  const existing = await lstat(buildDir).catch(() => undefined);
  if (existing && !existing.isSymbolicLink()) {
    // A build/ from before builds were swapped in (a plain `docusaurus build`): a link cannot
    // replace a directory, so it goes first, this once.
    const old = await mkdtemp(path.join(siteDir, '.build-'));
    await rename(buildDir, path.join(old, 'build'));
  }
  await rename(link, buildDir);
}

/**
 * Removes what no server can be serving: builds other than the current and the previous one,
 * and builds left half written by a process that is gone (interrupted, killed).
 */
async function removeStale(siteDir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(siteDir)) {
    const inProgress = IN_PROGRESS.exec(name);
    const stale = inProgress
      ? !isAlive(Number(inProgress[1]))
      : FINISHED.test(name) && !keep.has(name);
    if (stale) await rm(path.join(siteDir, name), { recursive: true, force: true });
  }
}

/** Builds the site next to build/, then makes build/ that build; returns the build's folder. */
export async function buildAndSwap({
  siteDir = repoRoot,
  quiet = false,
}: BuildOptions = {}): Promise<string> {
  const buildDir = path.join(siteDir, 'build');
  const next = await mkdtemp(path.join(siteDir, `.build-next-${process.pid}-`));
  try {
    await runDocusaurusBuild(siteDir, next, quiet);
  } catch (error) {
    await rm(next, { recursive: true, force: true });
    throw error;
  }
  // Complete now: named as a finished build, then made the current one.
  const finished = path.basename(next).replace(`next-${process.pid}-`, '');
  await rename(next, path.join(siteDir, finished));
  const previous = await linkTarget(buildDir);
  await swapIn(buildDir, finished);
  await removeStale(siteDir, new Set([finished, ...(previous ? [previous] : [])]));
  return path.join(siteDir, finished);
}
