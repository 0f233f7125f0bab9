// Where the site's files are, from the test's point of view.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const docsDir = path.join(repoRoot, 'docs');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'docs-rules');
export const guidePage = path.join(docsDir, 'replication.mdx');
