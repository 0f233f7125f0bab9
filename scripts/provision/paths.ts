/** Where provisioning keeps what it builds: git-ignored, inside the checkout, safe to delete. */
import path from 'node:path';
import { repoRoot } from '../repo-root';

export { repoRoot };

export const cacheDir = path.join(repoRoot, '.cache');
export const binDir = path.join(cacheDir, 'bin');
export const buildDir = path.join(cacheDir, 'build');
/** Debian roots the PostgreSQL images start from, by what went into them (postgres-image.ts). */
export const rootsDir = path.join(cacheDir, 'roots');
