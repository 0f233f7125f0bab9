// Rule: the docs show exactly the steps the harness runs. Every step script in
// examples/guides/<guide>/ (the harness runs them all) must be named by a step line,
// ::step{id="<guide>/<NN-name>"}, on a page in docs/, which the build turns into the step's
// recorded commands, its zx region and its recorded output (scripts/site-config/step-lines.ts).
// Every step line must name a step that exists and has those files, so a page cannot show a
// script or a recording that no test produces. And no page imports a step's files with a fence of
// its own: the step line is the one way a page shows a step, so this check sees every step shown.
import path from 'node:path';

import type { Code, Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

import { examplesIn, guidesIn, listGuides, listSteps, stepId, stepOfFile } from '../guide/steps';
import { stepLineOf, stepLines, type StepLine } from '../site-config/step-lines';
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
    const lines = stepLines(tree, rootDir);
    for (const line of lines) {
      if (line.step !== undefined) shown.add(stepId(line.step));
      if (line.problem !== undefined) {
        problems.push({ message: `${page}:${line.line}: ${line.problem}` });
      }
    }
    problems.push(
      ...orderProblems(lines, examples).map((message) => ({ message: `${page}:${message}` })),
      ...headingProblems(tree, lines).map((message) => ({ message: `${page}:${message}` })),
    );
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

/**
 * A page shows a guide's steps in the order the tests run them (the order of the guide's folder):
 * a reader who pastes block after block runs what the tests ran, in that order.
 */
function orderProblems(lines: readonly StepLine[], examples: string): string[] {
  const problems: string[] = [];
  const byGuide = new Map<string, { line: number; id: string }[]>();
  for (const { step, line } of lines) {
    if (step === undefined) continue;
    byGuide.set(step.guide, [...(byGuide.get(step.guide) ?? []), { line, id: step.id }]);
  }
  for (const [guide, shown] of byGuide) {
    const order = listSteps(guide, guidesIn(examples)).map((step) => step.id);
    const expected = shown.map((s) => s.id).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    shown.forEach((s, i) => {
      if (s.id !== expected[i])
        problems.push(
          `${s.line}: the step line of ${guide}/${s.id} stands where the tests run ${guide}/${expected[i]}: put the page's step lines in the order of examples/guides/${guide}/`,
        );
    });
  }
  return problems;
}

/**
 * Each step line has a heading of its own above it that names the step by its number: "Step 3: …"
 * over …/03-…, "Before you start" over …/00-…. Two step lines swapped, or a heading moved, fail
 * here.
 */
function headingProblems(tree: Root, lines: readonly StepLine[]): string[] {
  const problems: string[] = [];
  const stepAt = new Map(lines.map((l) => [l.line, l]));
  let heading: { text: string; line: number; used: boolean } | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      heading = {
        text: toString(node as Heading),
        line: node.position?.start.line ?? 0,
        used: false,
      };
      continue;
    }
    const stepLine = stepAt.get(node.position?.start.line ?? -1);
    if (node.type !== 'leafDirective' || stepLine?.step === undefined) continue;
    const id = `${stepLine.step.guide}/${stepLine.step.id}`;
    if (heading === undefined || heading.used) {
      problems.push(
        `${stepLine.line}: the step line of ${id} has no heading of its own: give it one that says what the step does`,
      );
      continue;
    }
    heading.used = true;
    const number = Number(stepLine.step.id.slice(0, 2));
    const expected = number === 0 ? 'Before you start' : `Step ${number}:`;
    if (!heading.text.startsWith(expected))
      problems.push(
        `${heading.line}: "${heading.text}" stands over ${id}: start it with "${expected}", or put the step line under its own heading`,
      );
  }
  return problems;
}
