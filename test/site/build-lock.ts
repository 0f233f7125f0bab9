// The repository has one site build, build/. The fast lane runs its test files two at a time, so
// the test that builds it (build-swap) and each check that a command left it alone (cli/commands)
// take turns through this lock; everything else runs beside them.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { repoRoot } from './paths';

const lock = path.join(repoRoot, '.cache', 'site-build.lock');

/** Whether the lock's holder is gone (a run killed midway), so the lock may be taken over. */
async function abandoned(): Promise<boolean> {
  const pid = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
  if (!pid) return false; // just taken: its holder is writing the pid
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Waits for build/ to be this process's alone; returns what gives it back. */
export async function lockSiteBuild(): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock); // atomic: one process creates it, the others find it there
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await abandoned()) await rm(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  await writeFile(path.join(lock, 'pid'), String(process.pid));
  return () => rm(lock, { recursive: true, force: true });
}
