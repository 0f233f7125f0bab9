/** The files a change touches, as `npm test -- --affected` and the workflow's plan map them to jobs. */
import { spawnSync } from 'node:child_process';

import { repoRoot } from '../repo-root';

/**
 * The files changed since `base` (from its merge base with HEAD, as a pull request's diff), with,
 * when `uncommitted`, those changed in the working tree or not yet added; or what git said was wrong.
 */
export function changedFiles(
  base: string,
  { uncommitted }: { uncommitted: boolean },
): string[] | string {
  const asks = [['diff', '--name-only', `${base}...HEAD`]];
  if (uncommitted)
    asks.push(['diff', '--name-only', 'HEAD'], ['ls-files', '--others', '--exclude-standard']);
  const files = new Set<string>();
  for (const args of asks) {
    const run = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
    if (run.status !== 0)
      return `git ${args.join(' ')} failed: ${run.stderr.trim() || 'no output'}`;
    for (const file of run.stdout.split('\n')) if (file) files.add(file);
  }
  return [...files];
}
