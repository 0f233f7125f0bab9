// Rule: a command written in a page's prose ran. Inline code that reads as a command on one of the
// guide's containers (a program's name first, a container's name in it, three words or more) must
// stand, to the letter, in a step's Shell tab (examples/recorded/<guide>/<step>.sh), which the
// tests paste; otherwise it is a command no test ever ran, and it belongs in a step or in words.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { InlineCode } from 'mdast';
import { visit } from 'unist-util-visit';

import { examplesIn } from '../guide/steps';
import { listMdxFiles } from './docs-files';
import { readMdx } from './mdx-tree';

/** The names of the containers the guides start, by compose.yaml or by a step. */
const CONTAINER =
  /\b(postgres_primary|postgres_replica2?|postgres_small_disk|ferretdb_readonly|ferretdb_replica2)\b/;
const PROGRAM_FIRST = /^[a-z][\w.-]*\s/;

/** Every Shell tab of examples/recorded, as one text to search. */
function shellTabs(examples: string): string {
  const recorded = path.join(examples, 'recorded');
  return readdirSync(recorded, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.sh'))
    .map((file) => readFileSync(path.join(recorded, file), 'utf8'))
    .join('\n');
}

export async function checkInlineCommands(docsDir: string, rootDir: string): Promise<string[]> {
  const ran = shellTabs(examplesIn(rootDir));
  const problems: string[] = [];
  for (const mdx of await listMdxFiles(docsDir)) {
    const { tree } = await readMdx(mdx);
    visit(tree, 'inlineCode', (node: InlineCode) => {
      const text = node.value;
      const command =
        PROGRAM_FIRST.test(text) && CONTAINER.test(text) && text.split(/\s+/).length >= 3;
      if (!command || ran.includes(text)) return;
      problems.push(
        `${path.relative(rootDir, mdx)}:${node.position?.start.line ?? 0}: \`${text}\` is a command no step runs: show it with a step, or say in words what it does`,
      );
    });
  }
  return problems;
}
