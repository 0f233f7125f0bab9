/**
 * A step line: on a page, `::step{id="failover/02-check-replica-caught-up"}` alone on its line
 * names a step, and the build puts the usual markup in its place: a Tabs group (groupId
 * "run-with") with the recorded commands in a Shell tab and the script's commands region in a zx
 * script tab titled with the script's path, then the recorded console session titled "Output",
 * and under it one small line in italics saying what that recording was verified against (the day, the
 * versions the stack reported, the profile), read from the step's verified.json at build time
 * (scripts/guide/verified.ts) so that the page cannot claim versions the recording did not run.
 * The markup holds empty fences with `file=` metas, as a page would spell them, so
 * remark-code-import, which runs after this plugin, stays the one thing that reads files into a
 * page; stepFiles (scripts/guide/steps.ts) says which files they are.
 *
 * The line is a leaf directive (remark-directive, which Docusaurus enables for its admonitions):
 * MDX parses it, and it cannot be taken for an admonition, which is a container (`:::note`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { Code, Emphasis, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxjsEsm } from 'mdast-util-mdx';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';

import {
  examplesIn,
  guidesIn,
  listGuides,
  listSteps,
  parseStepId,
  SHOWN_REGION,
  stepFiles,
  stepId,
  type StepRef,
} from '../guide/steps';
import { readVerified, verifiedLine, type VerifiedRecording } from '../guide/verified';

const STEP_DIRECTIVE = 'step';

/** The line that shows a step: `::step{id="<guide>/<name>"}`. */
export function stepLineOf(step: StepRef): string {
  return `::${STEP_DIRECTIVE}{id="${stepId(step)}"}`;
}

/** How a step line is written, for the messages. */
const SHAPE = `${stepLineOf({ guide: '<guide>', id: '<name>' })} alone on its line, e.g. ${stepLineOf({ guide: 'failover', id: '02-check-replica-caught-up' })}`;

/**
 * The components of the markup, and the names the plugin imports them under: names of its own, so
 * a page needs no import for its step lines, and one that imports Tabs itself keeps its binding.
 */
const TABS = { name: 'StepTabs', from: '@theme/Tabs' } as const;
const TAB_ITEM = { name: 'StepTabItem', from: '@theme/TabItem' } as const;

export interface StepLine {
  /** The line of the page it is on. */
  readonly line: number;
  /** The step it names, when that step exists (its script is there), even if a file is missing. */
  readonly step: StepRef | undefined;
  /** What is wrong with it, and what to do; undefined when the build can show its step. */
  readonly problem: string | undefined;
}

interface FoundLine extends StepLine {
  readonly node: Nodes;
  readonly parent: Parent | undefined;
  /** What its recording was verified against, read once, when the build can show its step. */
  readonly verified?: VerifiedRecording;
}

/**
 * The step lines of a page, in page order, each with its step or what is wrong with it. `rootDir`
 * is the repository root whose examples/ holds the steps (a test's fixture has its own): paths in
 * the messages, and the zx tab's title, are written from there.
 */
export function stepLines(tree: Root, rootDir: string): StepLine[] {
  return findStepLines(tree, rootDir).map(({ line, step, problem }) => ({ line, step, problem }));
}

function findStepLines(tree: Root, rootDir: string): FoundLine[] {
  const found: FoundLine[] = [];
  visit(tree, (node, _index, parent) => {
    if (!isDirective(node) || node.name !== STEP_DIRECTIVE) return;
    const line = node.position?.start.line ?? 0;
    const named =
      node.type === 'leafDirective'
        ? namedStep(node, rootDir)
        : {
            step: undefined,
            problem: `${node.type === 'textDirective' ? ':' : ':::'}${STEP_DIRECTIVE} is not a step line: write ${SHAPE}`,
          };
    found.push({ node, parent, line, ...named });
  });
  return found;
}

type Directive = Extract<Nodes, { type: 'leafDirective' | 'containerDirective' | 'textDirective' }>;

function isDirective(node: Nodes): node is Directive {
  return (
    node.type === 'leafDirective' ||
    node.type === 'containerDirective' ||
    node.type === 'textDirective'
  );
}

function namedStep(
  node: LeafDirective,
  rootDir: string,
): { step: StepRef | undefined; problem: string | undefined; verified?: VerifiedRecording } {
  const attributes = node.attributes ?? {};
  const id = attributes.id;
  if (!id || node.children.length > 0 || Object.keys(attributes).some((name) => name !== 'id')) {
    return { step: undefined, problem: `a step line takes one attribute, id: write ${SHAPE}` };
  }
  const step = parseStepId(id);
  if (step === undefined) {
    return { step, problem: `"${id}" is not a step id (<guide>/<name>): write ${SHAPE}` };
  }
  const examples = examplesIn(rootDir);
  const files = stepFiles(step, examples);
  const shown = (file: string): string => slashes(path.relative(rootDir, file));
  if (!existsSync(files.script)) {
    return {
      step: undefined,
      problem: `${id} names no step: there is no ${shown(files.script)}; ${knownSteps(step.guide, examples)}`,
    };
  }
  const missing: [string, string][] = [
    [
      files.region,
      `mark its commands in the script with // :snippet-start: ${SHOWN_REGION} and // :snippet-end:, then run npm run snippets`,
    ],
    [files.commands, 'record it with npm run record, review the diff and commit it'],
    [files.console, 'record it with npm run record, review the diff and commit it'],
    [files.verified, 'record it with npm run record, review the diff and commit it'],
  ];
  for (const [file, fix] of missing) {
    if (!existsSync(file)) {
      return { step, problem: `step ${id} has no ${shown(file)} to show: ${fix}` };
    }
  }
  const verified = readVerified(files.verified);
  if (typeof verified === 'string') {
    return {
      step,
      problem: `step ${id}'s ${shown(files.verified)} cannot be shown: ${verified}; record it again with npm run record, review the diff and commit it`,
    };
  }
  return { step, problem: undefined, verified };
}

/** What to name instead of a step that does not exist. */
function knownSteps(guide: string, examples: string): string {
  const guides = listGuides(guidesIn(examples));
  if (!guides.includes(guide)) return `name a step of one of the guides (${guides.join(', ')})`;
  const ids = listSteps(guide, guidesIn(examples)).map((step) => step.id);
  return `name one of ${guide}'s steps (${ids.join(', ')}), or add the script`;
}

/**
 * Puts the markup of its step in place of each step line that names one, and imports the
 * components the markup uses; returns what is wrong with the others, which it leaves as they are.
 * `page` is the page's file: the `file=` paths are relative to it, as remark-code-import reads them.
 */
function expandStepLines(tree: Root, page: string, rootDir: string): StepLine[] {
  const found = findStepLines(tree, rootDir);
  let expanded = 0;
  for (const line of found) {
    const { step, verified, parent } = line;
    if (line.problem !== undefined || !step || !verified || !parent) continue;
    const index = parent.children.indexOf(line.node as RootContent);
    const markup = stepMarkup(step, verified, page, rootDir, line.node.position);
    // A leaf directive is flow content, and so is its markup: it fits wherever the line was.
    parent.children.splice(index, 1, ...(markup as typeof parent.children));
    expanded += 1;
  }
  if (expanded > 0) tree.children.unshift(componentImports());
  return found
    .filter((line) => line.problem !== undefined)
    .map(({ line, step, problem }) => ({ line, step, problem }));
}

function stepMarkup(
  step: StepRef,
  verified: VerifiedRecording,
  page: string,
  rootDir: string,
  position: Position | undefined,
): RootContent[] {
  const files = stepFiles(step, examplesIn(rootDir));
  const fromPage = (file: string): string => slashes(path.relative(path.dirname(page), file));
  const code = (lang: string, meta: string): Code => ({
    type: 'code',
    lang,
    meta,
    value: '',
    position,
  });
  const element = (
    name: string,
    attributes: Record<string, string>,
    children: MdxJsxFlowElement['children'],
  ): MdxJsxFlowElement => ({
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({
      type: 'mdxJsxAttribute',
      name: key,
      value,
    })),
    children,
    position,
  });
  const script = slashes(path.relative(rootDir, files.script));
  return [
    element(TABS.name, { groupId: 'run-with' }, [
      element(TAB_ITEM.name, { value: 'shell', label: 'Shell' }, [
        code('sh', `file=${fromPage(files.commands)}`),
      ]),
      element(TAB_ITEM.name, { value: 'zx', label: 'zx script' }, [
        code('js', `title="${script}" file=${fromPage(files.region)}`),
      ]),
    ]),
    code('text', `title="Output" file=${fromPage(files.console)}`),
    verifiedParagraph(verified, position),
  ];
}

/**
 * `<small>_Verified on … (local profile)._</small>`: one quiet line under the Output, from the
 * step's verified.json; HTML's own <small> keeps it below the prose without a style of ours.
 */
function verifiedParagraph(verified: VerifiedRecording, position: Position | undefined): Paragraph {
  const line: Emphasis = {
    type: 'emphasis',
    children: [{ type: 'text', value: verifiedLine(verified) }],
  };
  const small: MdxJsxTextElement = {
    type: 'mdxJsxTextElement',
    name: 'small',
    attributes: [],
    children: [line],
  };
  return { type: 'paragraph', children: [small], position };
}

/** `import StepTabs from '@theme/Tabs'; import StepTabItem from '@theme/TabItem';`, as MDX holds it. */
function componentImports(): MdxjsEsm {
  const components = [TABS, TAB_ITEM];
  return {
    type: 'mdxjsEsm',
    value: components.map(({ name, from }) => `import ${name} from '${from}';`).join('\n'),
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: components.map(({ name, from }) => ({
          type: 'ImportDeclaration',
          specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
          attributes: [],
          source: { type: 'Literal', value: from },
        })),
      },
    },
  };
}

/** `file=` and titles are written with `/` on every platform. */
function slashes(relative: string): string {
  return relative.split(path.sep).join('/');
}

/**
 * The remark plugin: step lines become their markup before remark-code-import reads the files,
 * and a step line that names no step fails the build, with the page, the line and what to do.
 */
export function remarkStepLines(options: { rootDir: string }) {
  return (tree: Root, file: { path: string }): void => {
    const problems = expandStepLines(tree, file.path, options.rootDir);
    if (problems.length === 0) return;
    const page = slashes(path.relative(options.rootDir, file.path));
    throw new Error(
      [
        `${problems.length === 1 ? 'a step line' : `${problems.length} step lines`} of ${page} cannot be shown:`,
        ...problems.map((problem) => `  ${page}:${problem.line}: ${problem.problem}`),
      ].join('\n'),
    );
  };
}
