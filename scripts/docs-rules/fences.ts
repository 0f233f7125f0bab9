// Rule: no command or output is typed by hand in the docs.
// Every fenced code block except a mermaid diagram must be imported from a file
// with `file=`, that file must exist inside the repository, and the fence must
// be empty (remark-code-import would silently replace anything typed in it).
import { access } from 'node:fs/promises';
import path from 'node:path';

import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';

import { isInside, parseCodeImport } from './code-imports';
import { readMdx } from './mdx-tree';

export interface FenceProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Code blocks that are drawn, not shown as code, and so have no file to come from. */
const DIAGRAM_LANGUAGES = new Set(['mermaid']);

export async function checkFences(mdxFile: string, rootDir: string): Promise<FenceProblem[]> {
  const { tree } = await readMdx(mdxFile);
  const codes: Code[] = [];
  visit(tree, 'code', (node) => {
    codes.push(node);
  });

  const problems: FenceProblem[] = [];
  for (const code of codes) {
    const line = code.position?.start.line ?? 0;
    const report = (message: string): void => {
      problems.push({ file: mdxFile, line, message });
    };
    if (code.lang && DIAGRAM_LANGUAGES.has(code.lang)) continue;

    let codeImport;
    try {
      codeImport = parseCodeImport(code.meta, mdxFile, rootDir);
    } catch (error) {
      report((error as Error).message);
      continue;
    }
    if (codeImport === undefined) {
      report(
        `\`\`\`${code.lang ?? ''} block has no file= in its meta: import it from a file under examples/`,
      );
      continue;
    }
    if (code.value.trim() !== '') {
      report(
        `${codeImport.raw}: the fence has text typed in it, which the import would replace; leave it empty`,
      );
    }
    if (!isInside(rootDir, codeImport.absolutePath)) {
      report(`${codeImport.raw} points outside the repository (${codeImport.absolutePath})`);
      continue;
    }
    try {
      await access(codeImport.absolutePath);
    } catch {
      report(
        `${codeImport.raw} points at a missing file: ${path.relative(rootDir, codeImport.absolutePath)}`,
      );
      continue;
    }
    // Line numbers drift silently when the file above them changes; a named region
    // (scripts/snippets) moves with its code, and a stale snippet fails its own check.
    if (codeImport.fromLine !== undefined || codeImport.toLine !== undefined) {
      report(
        `${codeImport.raw} cuts the file by line numbers; mark a named region (// :snippet-start: NAME) and import examples/generated/… instead`,
      );
    }
  }
  return problems;
}

export function formatProblems(problems: readonly FenceProblem[], rootDir: string): string {
  return problems
    .map((p) => `${path.relative(rootDir, p.file)}:${p.line}: ${p.message}`)
    .join('\n');
}
