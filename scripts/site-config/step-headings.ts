/**
 * The headings over a page's step lines are numbered by the build, by their place: a page writes
 * "## Promote the replica" over a step line, and the reader sees "Step 5: Promote the replica".
 * The first step line's heading may be "Before you start" (a page that starts from another page's
 * steps); the numbers then start at the next one. A step inserted between two others is a new
 * script, a heading and a step line: no other heading or file changes.
 *
 * Run before Docusaurus's own plugins (beforeDefaultRemarkPlugins), so that the heading's anchor
 * and the table of contents carry the number the reader sees. scripts/docs-rules/guide-coverage.ts
 * holds the pages to the shape this needs.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export const BEFORE_YOU_START = 'Before you start';
const STEP_DIRECTIVE = 'step';

/** A heading written with a number of its own: the build numbers step headings. */
export const NUMBERED_BY_HAND = /^Step \d+:/;

export interface StepHeading {
  heading: Heading;
  /** The step line it stands over. */
  line: RootContent;
  /** What the build calls it: 0 for "Before you start", else its step number. */
  number: number;
}

/**
 * Each step line of a page with the nearest heading above it, when no other step line has that
 * heading, numbered by place; a step line without a heading of its own is left out (the docs
 * check names it).
 */
export function stepHeadings(tree: Root): StepHeading[] {
  const found: StepHeading[] = [];
  let heading: Heading | undefined;
  let used = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      heading = node;
      used = false;
      continue;
    }
    if (node.type !== 'leafDirective' || node.name !== STEP_DIRECTIVE) continue;
    if (heading === undefined || used) continue;
    used = true;
    const before = found.length === 0 && toString(heading) === BEFORE_YOU_START;
    const startsBefore = found[0]?.number === 0;
    const number = before ? 0 : found.length + (startsBefore ? 0 : 1);
    found.push({ heading, line: node, number });
  }
  return found;
}

/** The remark plugin: "Step N: " in front of each step heading but "Before you start". */
export function remarkStepHeadings() {
  return (tree: Root): void => {
    for (const { heading, number } of stepHeadings(tree)) {
      if (number === 0) continue;
      heading.children.unshift({ type: 'text', value: `Step ${number}: ` });
    }
  };
}
