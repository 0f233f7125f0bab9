// @vitest-environment jsdom
// mermaid sanitises labels with DOMPurify, which needs a DOM even just to parse.
import path from 'node:path';

import type { Code } from 'mdast';
import mermaid from 'mermaid';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';

import { listMdxFiles } from '../../scripts/docs-rules/docs-files';
import { readMdx } from '../../scripts/docs-rules/mdx-tree';
import { docsDir, fixturesDir } from './paths';

async function mermaidBlocks(file: string): Promise<Code[]> {
  const { tree } = await readMdx(file);
  const blocks: Code[] = [];
  visit(tree, 'code', (node) => {
    if (node.lang === 'mermaid') blocks.push(node);
  });
  return blocks;
}

describe('mermaid diagrams', () => {
  it('every diagram in docs/ parses', async () => {
    const blocks = (await Promise.all((await listMdxFiles(docsDir)).map(mermaidBlocks))).flat();
    // The guide has a topology diagram; finding none means this test is looking in the wrong place.
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      await expect(
        mermaid.parse(block.value),
        `diagram at line ${block.position?.start.line}`,
      ).resolves.toBeTruthy();
    }
  });

  it('a broken diagram fails to parse', async () => {
    const [block] = await mermaidBlocks(path.join(fixturesDir, 'broken-mermaid.mdx'));
    expect(block).toBeDefined();
    await expect(mermaid.parse(block?.value ?? '')).rejects.toThrow(/Parse error/);
  });

  it('a good diagram in the fixtures parses, so the broken one fails for its syntax alone', async () => {
    const [block] = await mermaidBlocks(path.join(fixturesDir, 'good.mdx'));
    await expect(mermaid.parse(block?.value ?? '')).resolves.toMatchObject({
      diagramType: 'flowchart-v2',
    });
  });
});
