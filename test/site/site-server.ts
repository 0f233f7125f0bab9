// Build the site once and serve build/ the way a reader gets it: the static
// output behind scripts/serve/serve-build.ts (what `npm start` runs), on
// 127.0.0.1 and a port nobody else holds.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { serveBuild, type ServedSite } from '../../scripts/serve/serve-build';
import { repoRoot } from './paths';

const docusaurus = path.join(repoRoot, 'node_modules', '.bin', 'docusaurus');

export function buildSite(): void {
  const result = spawnSync(docusaurus, ['build'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `docusaurus build failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
}

/** build/ as `npm start` serves it, on 127.0.0.1 and a free port. */
export async function serveSite(): Promise<ServedSite> {
  return serveBuild({ dir: path.join(repoRoot, 'build') });
}
