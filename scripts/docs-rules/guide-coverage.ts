// Rule: the docs show exactly the steps the harness runs. Every step script in
// examples/guides/<guide>/ (the harness runs them all) must be named by a step line,
// ::step{id="<guide>/<name>"}, on a page in docs/, which the build turns into the step's
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
import { BEFORE_YOU_START, NUMBERED_BY_HAND, stepHeadings } from '../site-config/step-headings';
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
      ...placeProblems(page, lines).map((message) => ({ message: `${page}:${message}` })),
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
 * A guide's page decides the order its steps run in (scripts/guide/steps.ts reads the order from
 * docs/<guide>.mdx), so a guide's steps are shown on that page only, each once: a reader who pastes
 * block after block runs what the tests ran, in that order.
 */
function placeProblems(page: string, lines: readonly StepLine[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const guideOfPage = path.basename(page, '.mdx');
  for (const { step, line } of lines) {
    if (step === undefined) continue;
    const id = stepId(step);
    if (step.guide !== guideOfPage)
      problems.push(
        `${line}: ${id} is a step of ${step.guide}, whose page docs/${step.guide}.mdx decides the order its steps run in: show it there`,
      );
    if (seen.has(id)) problems.push(`${line}: ${id} is shown a second time: show each step once`);
    seen.add(id);
  }
  return problems;
}

/**
 * Each step line has a heading of its own above it, which the build numbers by its place
 * (scripts/site-config/step-headings.ts): so the page writes no number of its own, and only the
 * first step line may stand under "Before you start".
 */
function headingProblems(tree: Root, lines: readonly StepLine[]): string[] {
  const problems: string[] = [];
  const headed = new Map(stepHeadings(tree).map((found) => [found.line, found]));
  for (const node of tree.children) {
    const line = node.position?.start.line ?? -1;
    const stepLine = lines.find((l) => l.line === line);
    if (node.type !== 'leafDirective' || stepLine?.step === undefined) continue;
    const id = stepId(stepLine.step);
    const found = headed.get(node);
    if (found === undefined) {
      problems.push(
        `${line}: the step line of ${id} has no heading of its own: give it one that says what the step does`,
      );
      continue;
    }
    const text = toString(found.heading);
    const where = found.heading.position?.start.line ?? 0;
    if (NUMBERED_BY_HAND.test(text))
      problems.push(
        `${where}: "${text}" stands over ${id}: write it without "Step N:", which the build adds by the step's place on the page`,
      );
    else if (text === BEFORE_YOU_START && found.number !== 0)
      problems.push(
        `${where}: "${text}" stands over ${id}, which is not the page's first step: say what the step does`,
      );
  }
  return problems;
}
