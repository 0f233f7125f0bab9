// The site as the browser test and the site bench look at it: built once the way `npm run build`
// builds it (a complete build swapped in, so a site someone serves from build/ meanwhile stays
// whole), and build/ served the way `npm start` serves it (scripts/serve/serve-build.ts), on
// 127.0.0.1 and a port nobody else holds.
import path from 'node:path';

import { buildAndSwap } from './build-and-swap';
import { serveBuild, type ServedSite } from './serve-build';
import { repoRoot } from '../repo-root';

export async function buildSite(): Promise<void> {
  await buildAndSwap({ quiet: true });
}

/** build/ as `npm start` serves it, on 127.0.0.1 and a free port. */
export async function serveSite(): Promise<ServedSite> {
  return serveBuild({ dir: path.join(repoRoot, 'build') });
}
