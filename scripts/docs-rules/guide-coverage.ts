// Rule: the docs show exactly the steps the harness runs. Every step script in examples/steps
// (the harness runs them all) must have its recorded commands, its console output and its zx region
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
export function stepFiles(stepId: string): string[] {
  return [
    `generated/steps/${stepId}.commands.mjs`,
    `recorded/local/${stepId}.sh`,
    `recorded/local/${stepId}.txt`,
  ];
}

const STEP_FILE =
  /^(?:generated\/steps|steps|recorded\/[a-z]+)\/(?<id>\d\d-[a-z0-9-]+?)(?:\.[a-z0-9-]+)?\.(?:mjs|sh|txt)$/;

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
  const steps = (await readdir(path.join(examplesDir, 'steps')))
    .filter((name) => /^\d\d-[a-z0-9-]+\.mjs$/.test(name))
    .map((name) => name.replace(/\.mjs$/, ''));
  const imported = await importedExampleFiles(docsDir, rootDir, examplesDir);
  const problems: CoverageProblem[] = [];
  for (const id of steps) {
    for (const file of stepFiles(id)) {
      if (!imported.has(file)) {
        problems.push({
          message: `step ${id} runs in the tests but the docs do not show examples/${file}`,
        });
      }
    }
  }
  for (const file of imported) {
    const id = STEP_FILE.exec(file)?.groups?.id;
    if (id && !steps.includes(id)) {
      problems.push({
        message: `the docs show examples/${file}, but no step ${id} exists in examples/steps for the tests to run`,
      });
    }
  }
  return problems;
}
