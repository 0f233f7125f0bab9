/**
 * Ctrl-C in the middle of a guide run leaves no container, volume or network behind: a real
 * vitest run of the replication guide is interrupted once its containers exist.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/guide/steps';
import { leftovers, tearDownProject } from '../lib/compose-project';

describe('an interrupted guide run', () => {
  afterAll(tearDownProject);

  it('tears the stack down on SIGINT', async () => {
    const vitest = path.join(repoRoot, 'node_modules', '.bin', 'vitest');
    const child = spawn(vitest, ['run', 'test/guide/replication.test.ts'], {
      cwd: repoRoot,
      env: { ...process.env, GUIDE_RECORD: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Wait until the guide's replica exists: the stack is as big as it gets before FerretDB.
    const deadline = Date.now() + 120_000;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      seen = await leftovers();
      if (seen.includes('container:postgres_replica')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(seen).toContain('container:postgres_replica');
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    expect(child.exitCode ?? child.signalCode).not.toBeNull();
    expect(await leftovers()).toEqual([]);
  });
});
