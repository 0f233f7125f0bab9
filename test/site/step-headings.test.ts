// The build numbers the headings over step lines by their place on the page
// (scripts/site-config/step-headings.ts): a page writes none, and an inserted step renumbers the
// ones after it without an edit.
import { describe, expect, it } from 'vitest';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';

import { parseMdx } from '../../scripts/docs-rules/mdx-tree';
import { remarkStepHeadings } from '../../scripts/site-config/step-headings';

/** The page's headings as the reader sees them once the plugin ran. */
function numbered(source: string): string[] {
  const tree = parseMdx(source);
  remarkStepHeadings()(tree);
  return tree.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((heading) => toString(heading));
}

const page = (...headings: string[]) =>
  headings.map((heading, i) => `## ${heading}\n\n::step{id="demo/step-${i}"}\n`).join('\n');

describe('step headings', () => {
  it('are numbered from 1 by their place', () => {
    expect(numbered(page('Start the primary', 'Create a role'))).toEqual([
      'Step 1: Start the primary',
      'Step 2: Create a role',
    ]);
  });

  it('start at 0, unnumbered, under "Before you start"', () => {
    expect(numbered(page('Before you start', 'Kill the primary', 'Promote'))).toEqual([
      'Before you start',
      'Step 1: Kill the primary',
      'Step 2: Promote',
    ]);
  });

  it('follow an inserted step without an edit to the others', () => {
    expect(
      numbered(page('Before you start', 'Kill the primary', 'Check the fence', 'Promote')),
    ).toEqual([
      'Before you start',
      'Step 1: Kill the primary',
      'Step 2: Check the fence',
      'Step 3: Promote',
    ]);
  });

  it('leave a heading over no step line as it is', () => {
    expect(numbered(`## Why\n\nProse.\n\n${page('Start the primary')}`)).toEqual([
      'Why',
      'Step 1: Start the primary',
    ]);
  });
});
