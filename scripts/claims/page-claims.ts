// The claims a page makes: each sentence that says how the system behaves ends with a marker,
// `<Claim test="failover > 08 the fenced old primary, started again, refuses writes" />`, naming
// the test of test/guide/ that proves it. This module finds the markers and checks every name.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Node, Parent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';

import { parseMdx } from '../docs-rules/mdx-tree';
import { splitTestId, type TestName } from './test-names';

/** The JSX element a page writes after a claim. */
export const markerName = 'Claim';

export interface PageClaim {
  /** The page's file, relative to the repository, with `/`. */
  readonly page: string;
  readonly line: number;
  /** The sentence the marker ends, as plain text. */
  readonly sentence: string;
  /** The test's id: its file's name without `.test.ts`, ` > `, its title. */
  readonly test: string;
}

export interface MarkerNode extends Parent {
  type: 'mdxJsxTextElement' | 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

const isMarker = (node: Node): node is MarkerNode =>
  (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
  (node as MarkerNode).name === markerName;

/**
 * Every marker of a parsed page, with the node that holds it, in the page's order: what the list
 * of claims reads (claimsIn) and what the build numbers (remark-claim-anchors.ts).
 */
export function markersIn(tree: Parent): { marker: MarkerNode; parent: Parent }[] {
  const found: { marker: MarkerNode; parent: Parent }[] = [];
  const visit = (parent: Parent): void => {
    for (const child of parent.children as Node[]) {
      if (isMarker(child)) found.push({ marker: child, parent });
      if ('children' in child) visit(child as Parent);
    }
  };
  visit(tree);
  return found;
}

/** The test a marker names, or undefined when it names none as a written-out string. */
export function markerTest(marker: MarkerNode): string | undefined {
  const test = marker.attributes.find(
    (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'test',
  )?.value;
  return typeof test === 'string' && test !== '' ? test : undefined;
}

/** The text of the line a marker ends: the pages keep one sentence per line. */
function sentenceBefore(parent: Parent, marker: MarkerNode): string {
  const line = marker.position?.start.line;
  const index = parent.children.indexOf(marker as never);
  const before = parent.children
    .slice(0, index)
    .filter((child) => child.position?.end.line === line && !isMarker(child));
  return toString({ type: 'paragraph', children: before } as never)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every marker of one page, in the page's order; a marker without a `test` is an error. */
export function claimsIn(source: string, page: string): PageClaim[] {
  return markersIn(parseMdx(source)).map(({ marker, parent }) => {
    const line = marker.position?.start.line ?? 0;
    const test = markerTest(marker);
    if (test === undefined)
      throw new Error(
        `${page}:${line}: <${markerName}> needs test="FILE > TITLE", naming a test of test/guide/ written out as a string`,
      );
    return { page, line, sentence: sentenceBefore(parent, marker), test };
  });
}

export function pageClaims(rootDir: string, pages: readonly string[]): PageClaim[] {
  return pages.flatMap((file) =>
    claimsIn(readFileSync(file, 'utf8'), path.relative(rootDir, file).split(path.sep).join('/')),
  );
}

/** What is wrong with the claims' names: one line per marker that names no test, with what to do. */
export function unknownTests(
  claims: readonly PageClaim[],
  tests: ReadonlyMap<string, TestName>,
): string[] {
  return claims
    .filter((claim) => !tests.has(claim.test))
    .map((claim) => {
      const { file } = splitTestId(claim.test);
      const nearby = [...tests.keys()].filter((id) => id.startsWith(`${file} > `));
      return (
        `${claim.page}:${claim.line} names the test "${claim.test}", which test/guide/ does not hold. ` +
        (nearby.length > 0
          ? `Name one of ${file}'s tests exactly:\n${nearby.map((id) => `    ${id}`).join('\n')}`
          : `Name it as FILE > TITLE, FILE being a test/guide/ file without .test.ts.`)
      );
    });
}
