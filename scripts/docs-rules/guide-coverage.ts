// Rule: the docs show exactly the steps the harness runs. Every step script in
// examples/guides/<guide>/ (the harness runs them all) must have its recorded commands, its console output and its zx region
// imported somewhere in docs/; and every imported step file must belong to a step that exists, so
// a page cannot show a script or a recording that no test produces.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';

import { parseCodeImport } from './code-imports';
import { listMdxFiles } from './docs-files';
import { readMdx } from './mdx-tree';

export interface CoverageProblem {
  readonly message: string;
}

/** What the docs must import for one step, relative to the examples folder. */
export function stepFiles(guide: string, stepId: string): string[] {
  return [
    `generated/guides/${guide}/${stepId}.commands.mjs`,
    `recorded/${guide}/${stepId}.sh`,
    `recorded/${guide}/${stepId}.txt`,
  ];
}

/** A step's key, guide/NN-name, from any file that belongs to it. */
const STEP_FILE =
  /^(?:generated\/guides|guides|recorded)\/(?<key>[a-z0-9-]+\/\d\d-[a-z0-9-]+?)(?:\.[a-z0-9-]+)?\.(?:mjs|sh|txt)$/;

async function importedExampleFiles(
  docsDir: string,
  rootDir: string,
  examplesDir: string,
): Promise<Set<string>> {
  const imported = new Set<string>();
  for (const mdx of await listMdxFiles(docsDir)) {
    const { tree } = await readMdx(mdx);
    visit(tree, 'code', (node: Code) => {
      const codeImport = parseCodeImport(node.meta, mdx, rootDir);
      if (codeImport)
        imported.add(path.relative(examplesDir, codeImport.absolutePath).split(path.sep).join('/'));
    });
  }
  return imported;
}

export async function checkGuideCoverage(
  docsDir: string,
  examplesDir: string,
  rootDir: string,
): Promise<CoverageProblem[]> {
  const guidesDir = path.join(examplesDir, 'guides');
  const steps: string[] = [];
  for (const guide of await readdir(guidesDir)) {
    for (const name of await readdir(path.join(guidesDir, guide))) {
      if (/^\d\d-[a-z0-9-]+\.mjs$/.test(name)) steps.push(`${guide}/${name.replace(/\.mjs$/, '')}`);
    }
  }
  const imported = await importedExampleFiles(docsDir, rootDir, examplesDir);
  const problems: CoverageProblem[] = [];
  for (const key of steps) {
    const [guide = '', id = ''] = key.split('/');
    for (const file of stepFiles(guide, id)) {
      if (!imported.has(file)) {
        problems.push({
          message: `step ${key} runs in the tests but the docs do not show examples/${file}`,
        });
      }
    }
  }
  for (const file of imported) {
    const key = STEP_FILE.exec(file)?.groups?.key;
    if (key && !steps.includes(key)) {
      problems.push({
        message: `the docs show examples/${file}, but no step ${key} exists in examples/guides for the tests to run`,
      });
    }
  }
  return problems;
}
