/** Where provisioning keeps what it builds: git-ignored, inside the checkout, safe to delete. */
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = path.join(repoRoot, '.cache');
export const binDir = path.join(cacheDir, 'bin');
export const buildDir = path.join(cacheDir, 'build');
