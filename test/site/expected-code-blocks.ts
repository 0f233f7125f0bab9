// The text each imported code block of a page must show, in page order,
// worked out from the MDX source, its step lines and the files it imports.
import { readFile } from 'node:fs/promises';

import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';

import { importedText, parseCodeImport } from '../../scripts/docs-rules/code-imports';
import { readMdx } from '../../scripts/docs-rules/mdx-tree';
import { remarkStepLines } from '../../scripts/site-config/step-lines';

export interface ExpectedBlock {
  readonly meta: string;
  /** The fence's language, as Prism is given it. */
  readonly lang: string | undefined;
  readonly text: string;
}

export async function expectedCodeBlocks(
  mdxFile: string,
  rootDir: string,
): Promise<ExpectedBlock[]> {
  const { tree } = await readMdx(mdxFile);
  // The page as the build renders it: the site's own plugin puts each step's fences in its place.
  remarkStepLines({ rootDir })(tree, { path: mdxFile });
  const codes: Code[] = [];
  visit(tree, 'code', (node) => {
    // Mermaid blocks become diagrams, not <pre>, so they are not in the page's code list.
    if (node.lang !== 'mermaid') codes.push(node);
  });
  const blocks: ExpectedBlock[] = [];
  for (const code of codes) {
    const codeImport = parseCodeImport(code.meta, mdxFile, rootDir);
    if (codeImport === undefined) throw new Error(`code block without file= in ${mdxFile}`);
    const content = await readFile(codeImport.absolutePath, 'utf8');
    blocks.push({
      meta: codeImport.raw,
      lang: code.lang ?? undefined,
      text: importedText(content, codeImport),
    });
  }
  return blocks;
}
