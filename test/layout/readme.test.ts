// The README's layout is the map a maintainer starts from: every folder in git is in its table,
// and the way it tells to find a step from its id holds for every guide.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { listGuides, listSteps, stepFiles, stepId } from '../../scripts/guide/steps';
import { repoRoot } from '../site/paths';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('## Latest figures'));
const tableRow = (first: string): string =>
  layout.split('\n').find((line) => line.startsWith(`| \`${first}\``)) ?? '';

/** The folders that hold a file in git, at the top level. */
function trackedTopFolders(): string[] {
  const files = spawnSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).stdout;
  return [
    ...new Set(
      files
        .split('\n')
        .filter((file) => file.includes('/'))
        .map((file) => file.split('/')[0]!),
    ),
  ].sort();
}

const subfolders = (dir: string): string[] =>
  readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('the README layout', () => {
  it.skipIf(!existsSync(path.join(repoRoot, '.git')))('names every folder in git', () => {
    const folders = trackedTopFolders();
    expect(folders).toContain('scripts');
    // A row of its own, or rows of its folders (`scripts/cli/`, …).
    expect(folders.filter((folder) => !layout.includes(`| \`${folder}/`))).toEqual([]);
  });

  it('names every folder of scripts/, and of test/ in its row', () => {
    expect(
      subfolders('scripts').filter((name) => !layout.includes(`\`scripts/${name}/\``)),
    ).toEqual([]);
    const testRow = tableRow('test/');
    expect(subfolders('test').filter((name) => !testRow.includes(`\`${name}/\``))).toEqual([]);
  });

  it("finds its example step's files where it says", () => {
    const step = { guide: 'failover', id: '02-check-replica-caught-up' };
    const files = stepFiles(step);
    expect(layout).toContain(`\`${stepId(step)}\``);
    expect(layout).toContain(`\`::step{id="${stepId(step)}"}\``);
    for (const file of [
      files.script,
      files.region,
      files.commands,
      files.console,
      path.join(repoRoot, 'test', 'guide', `${step.guide}.test.ts`),
      path.join(repoRoot, 'docs', `${step.guide}.mdx`),
    ]) {
      const shown = path.relative(repoRoot, file);
      expect(existsSync(file), shown).toBe(true);
      // The table writes the output as `.txt` after the commands' file.
      if (file !== files.console) expect(layout).toContain(`\`${shown}\``);
    }
  });

  it('and the same rule finds every step of every guide, which its page shows by its line', () => {
    const page = (guide: string): string => path.join(repoRoot, 'docs', `${guide}.mdx`);
    const missing = listGuides().flatMap((guide) =>
      [
        page(guide),
        path.join(repoRoot, 'test', 'guide', `${guide}.test.ts`),
        ...listSteps(guide).flatMap((step) => Object.values(stepFiles(step))),
      ]
        .filter((file) => !existsSync(file))
        .map((file) => path.relative(repoRoot, file)),
    );
    expect(missing).toEqual([]);
    const unshown = listGuides().flatMap((guide) => {
      const source = readFileSync(page(guide), 'utf8');
      return listSteps(guide)
        .filter((step) => !source.includes(`\n::step{id="${stepId(step)}"}\n`))
        .map(stepId);
    });
    expect(unshown).toEqual([]);
  });
});
