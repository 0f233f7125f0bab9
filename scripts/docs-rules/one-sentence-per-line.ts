// Rule: one sentence per line in MDX prose (FerretDB's docs convention), so
// that diffs and review comments point at a single sentence.
// Only paragraphs of running text are checked: code, front matter, JSX, tables
// and lists have their own line structure, and inline code may hold anything.
import type { Nodes, Paragraph, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';

import { parseMdx } from './mdx-tree';

export interface SentenceProblem {
  readonly line: number;
  readonly text: string;
}

/** Containers whose line breaks are structure rather than prose. */
const SKIPPED_ANCESTORS = new Set<string>(['list', 'listItem', 'table', 'mdxJsxFlowElement']);

/** Inline nodes whose text is not prose: blanked out before looking for sentence ends. */
const OPAQUE_INLINES = new Set<string>([
  'inlineCode',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'html',
]);

/** Words that end in a period without ending a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'approx',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'No',
]);

// A sentence end: . ! or ? (maybe closed by quotes, brackets or emphasis), then
// whitespace, then (maybe opening punctuation and) a capital letter.
const SENTENCE_BREAK = /(?<word>[\p{L}.]*)[.!?]['")\]*_]*\s+['"(\[*_]*\p{Lu}/gu;

export function checkOneSentencePerLine(
  source: string,
  tree: Root = parseMdx(source),
): SentenceProblem[] {
  const problems: SentenceProblem[] = [];
  visitParents(tree, 'paragraph', (paragraph, ancestors) => {
    if (ancestors.some((ancestor) => SKIPPED_ANCESTORS.has(ancestor.type))) return;
    const text = proseOf(paragraph, source);
    if (text === undefined) return;
    const firstLine = paragraph.position?.start.line ?? 1;
    text.split('\n').forEach((lineText, index) => {
      if (hasSentenceBreak(lineText)) {
        const original = source.split('\n')[firstLine - 1 + index] ?? lineText;
        problems.push({ line: firstLine + index, text: original.trim() });
      }
    });
  });
  return problems;
}

function hasSentenceBreak(line: string): boolean {
  for (const match of line.matchAll(SENTENCE_BREAK)) {
    const word = match.groups?.word ?? '';
    if (!ABBREVIATIONS.has(word)) return true;
  }
  return false;
}

/** The paragraph's source with opaque inline nodes replaced by spaces (line breaks kept). */
function proseOf(paragraph: Paragraph, source: string): string | undefined {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const chars = source.slice(start, end).split('');
  const blank = (node: Nodes): void => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return;
    for (let i = from - start; i < to - start; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  visitParents(paragraph, (node) => {
    if (OPAQUE_INLINES.has(node.type)) blank(node);
  });
  return chars.join('');
}
