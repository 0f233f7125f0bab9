// The README's layout is the map a maintainer starts from: every folder in git is in its table,
// and the way it tells to find a step from its id holds for every guide.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { listGuides, listSteps } from '../../scripts/guide/steps';
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
    const [guide, id] = ['failover', '02-check-replica-caught-up'];
    expect(layout).toContain(`\`${guide}/${id}\``);
    for (const file of [
      `examples/guides/${guide}/${id}.mjs`,
      `examples/generated/guides/${guide}/${id}.commands.mjs`,
      `examples/recorded/${guide}/${id}.sh`,
      `examples/recorded/${guide}/${id}.txt`,
      `test/guide/${guide}.test.ts`,
      `docs/${guide}.mdx`,
    ]) {
      expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
      if (!file.endsWith('.txt')) expect(layout).toContain(`\`${file}\``);
    }
  });

  it('and the same rule finds every step of every guide', () => {
    const missing = listGuides().flatMap((guide) => {
      const perGuide = [`test/guide/${guide}.test.ts`, `docs/${guide}.mdx`];
      const perStep = listSteps(guide).flatMap(({ id }) => [
        `examples/generated/guides/${guide}/${id}.commands.mjs`,
        `examples/recorded/${guide}/${id}.sh`,
        `examples/recorded/${guide}/${id}.txt`,
      ]);
      return [...perGuide, ...perStep].filter((file) => !existsSync(path.join(repoRoot, file)));
    });
    expect(missing).toEqual([]);
  });
});
