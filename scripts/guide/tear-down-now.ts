/**
 * The guide's stack removed: its containers, volumes and network, then examples/.env if the
 * replication guide wrote it (its passwords belong to the volumes just removed). The one teardown of
 * the tests, the benches, `npm run guide -- --teardown` and an interrupted run; synchronous, so
 * that a signal handler, which must finish before the process goes, can call it too.
 */
import { execFileSync } from 'node:child_process';
import { passwordNothingStarts, removeGuideEnvFile } from '../../examples/lib/password.mjs';
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
        // With .env gone (an interrupted step 1), down still needs a password to read compose.yaml.
        env: { POSTGRES_PASSWORD: passwordNothingStarts, ...process.env, ...imagesEnv },
        stdio: 'ignore',
        timeout: 60_000,
      });
    } catch {
      // Nothing to take down, or the daemon is gone: nothing more to do here.
    }
  }
  removeGuideEnvFile();
}
