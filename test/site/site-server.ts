// Build the site once and serve build/ the way a reader gets it: the static
// output behind scripts/serve/serve-build.ts (what `npm start` runs), on
// 127.0.0.1 and a port nobody else holds. The build is `npm run build`'s,
// which swaps a complete build in: a site someone serves from build/ meanwhile
// stays whole.
import path from 'node:path';

import { buildAndSwap } from '../../scripts/serve/build-and-swap';
import { serveBuild, type ServedSite } from '../../scripts/serve/serve-build';
import { repoRoot } from './paths';

export async function buildSite(): Promise<void> {
  await buildAndSwap({ quiet: true });
}

/** build/ as `npm start` serves it, on 127.0.0.1 and a free port. */
export async function serveSite(): Promise<ServedSite> {
  return serveBuild({ dir: path.join(repoRoot, 'build') });
}
