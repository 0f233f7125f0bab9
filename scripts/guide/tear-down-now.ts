/**
 * The guide's stack removed: its containers, volumes and network, then examples/.env if the
 * replication guide wrote it (its passwords belong to the volumes just removed). The one teardown of
 * the tests, the benches, `npm run guide -- --teardown` and an interrupted run; synchronous, so
 * that a signal handler, which must finish before the process goes, can call it too.
 */
import { execFileSync } from 'node:child_process';
import { removeGuideEnvFile } from '../../examples/lib/password.mjs';
import { composeFile } from './steps';

export function tearDownStackNow(imagesEnv: Readonly<Record<string, string>>): void {
  const down = [
    'compose',
    '-f',
    composeFile,
    'down',
    '--volumes',
    '--remove-orphans',
    '--timeout',
    '2',
  ];
  // Twice: a create that a stopped compose or test worker had asked for may land during the first pass.
  for (let pass = 0; pass < 2; pass += 1) {
    try {
      execFileSync('docker', down, {
        // compose.yaml requires POSTGRES_PASSWORD even to take the stack down; with .env gone
        // (an interrupted step 1), any value does, since nothing is started.
        env: { POSTGRES_PASSWORD: 'unused-by-down', ...process.env, ...imagesEnv },
        stdio: 'ignore',
        timeout: 60_000,
      });
    } catch {
      // Nothing to take down, or the daemon is gone: nothing more to do here.
    }
  }
  removeGuideEnvFile();
}
