// Rule: the docs show exactly the steps the harness runs. Every step script in
// examples/guides/<guide>/ (the harness runs them all) must be named by a step line,
// ::step{id="<guide>/<NN-name>"}, on a page in docs/, which the build turns into the step's
// recorded commands, its zx region and its recorded output (scripts/site-config/step-lines.ts).
// Every step line must name a step that exists and has those files, so a page cannot show a
// script or a recording that no test produces. And no page imports a step's files with a fence of
// its own: the step line is the one way a page shows a step, so this check sees every step shown.
import path from 'node:path';

import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';

import { examplesIn, guidesIn, listGuides, listSteps, stepId, stepOfFile } from '../guide/steps';
import { stepLineOf, stepLines } from '../site-config/step-lines';
import { parseCodeImport } from './code-imports';
import { listMdxFiles } from './docs-files';
import { readMdx } from './mdx-tree';

export interface CoverageProblem {
  readonly message: string;
}

/** The pages of docsDir against the steps of rootDir's examples/ (a test's fixture has its own). */
export async function checkGuideCoverage(
  docsDir: string,
  rootDir: string,
): Promise<CoverageProblem[]> {
  const examples = examplesIn(rootDir);
  const problems: CoverageProblem[] = [];
  const shown = new Set<string>();
  for (const mdx of await listMdxFiles(docsDir)) {
    const { tree } = await readMdx(mdx);
    const page = path.relative(rootDir, mdx);
    for (const line of stepLines(tree, rootDir)) {
      if (line.step !== undefined) shown.add(stepId(line.step));
      if (line.problem !== undefined) {
        problems.push({ message: `${page}:${line.line}: ${line.problem}` });
      }
    }
    visit(tree, 'code', (node: Code) => {
      const codeImport = parseCodeImport(node.meta, mdx, rootDir);
      const step = codeImport && stepOfFile(codeImport.absolutePath, examples);
      if (!codeImport || !step) return;
      problems.push({
        message: `${page}:${node.position?.start.line ?? 0}: ${codeImport.raw} imports a file of step ${stepId(step)} by hand: show the step with its line, ${stepLineOf(step)}, instead`,
      });
    });
  }
  const guides = guidesIn(examples);
  for (const step of listGuides(guides).flatMap((guide) => listSteps(guide, guides))) {
    if (shown.has(stepId(step))) continue;
    problems.push({
      message: `step ${stepId(step)} runs in the tests but no page shows it: put the line ${stepLineOf(step)} where its page should show it`,
    });
  }
  return problems;
}
