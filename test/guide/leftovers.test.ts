/**
 * The suite-level check of test/lib/global-setup.ts: a run whose tests all pass but leave a volume
 * on the daemon fails, and names it. The whole suite runs under the same check.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/guide/steps';

const volume = `leaky-fixture-${process.pid}`;

describe('the suite-level before-and-after check', () => {
  afterAll(() => {
    execFileSync('docker', ['volume', 'rm', '-f', volume], { stdio: 'ignore' });
  });

  it('fails a run that left a volume behind, naming it', () => {
    const run = spawnSync(
      path.join(repoRoot, 'node_modules', '.bin', 'vitest'),
      ['run', '--config', 'test/fixtures/leaky/vitest.config.mts'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, LEAKY_VOLUME: volume, NO_COLOR: '1' },
      },
    );
    expect(run.stdout).toMatch(/1 passed/);
    expect(run.stderr).toContain('error: the tests left 1 object(s) on the Docker daemon');
    expect(run.stderr).toContain(`volume: ${volume}`);
    expect(run.status).toBe(1);
  });
});
