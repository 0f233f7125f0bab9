// Parse an MDX page into an mdast tree the way Docusaurus reads it (MDX, GFM
// tables, YAML front matter, directives: admonitions and step lines), so the
// docs rules see the same code blocks, tables, JSX and step lines that the site
// build sees, with source positions.
import { readFile } from 'node:fs/promises';

import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { directive } from 'micromark-extension-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';

export function parseMdx(source: string): Root {
  return fromMarkdown(source, {
    extensions: [mdxjs(), gfm(), frontmatter(['yaml']), directive()],
    mdastExtensions: [
      mdxFromMarkdown(),
      gfmFromMarkdown(),
      frontmatterFromMarkdown(['yaml']),
      directiveFromMarkdown(),
    ],
  });
}

export async function readMdx(file: string): Promise<{ source: string; tree: Root }> {
  const source = await readFile(file, 'utf8');
  return { source, tree: parseMdx(source) };
}
