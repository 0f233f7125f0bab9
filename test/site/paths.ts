// Where the site's files are, from the test's point of view.
import path from 'node:path';
import { repoRoot } from '../../scripts/repo-root';

export { repoRoot };

export const docsDir = path.join(repoRoot, 'docs');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'docs-rules');
export const guidePage = path.join(docsDir, 'replication.mdx');
