import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { listMdxFiles } from '../../scripts/docs-rules/docs-files';
import { checkOneSentencePerLine } from '../../scripts/docs-rules/one-sentence-per-line';
import { docsDir } from './paths';

const page = (body: string): string => `---\ntitle: Example. Really\n---\n\n${body}\n`;

describe('one sentence per line', () => {
  it('holds on every page under docs/', async () => {
    const files = await listMdxFiles(docsDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const problems = checkOneSentencePerLine(await readFile(file, 'utf8'));
      expect(problems, file).toEqual([]);
    }
  });

  it('flags two sentences on one line of prose, with the line number', () => {
    const source = page('The primary writes.\nThe primary writes. The replica reads.');
    expect(checkOneSentencePerLine(source)).toEqual([
      { line: 6, text: 'The primary writes. The replica reads.' },
    ]);
  });

  it('flags question and exclamation marks, and sentences ending inside emphasis', () => {
    expect(checkOneSentencePerLine(page('Is it async? Yes.'))).toHaveLength(1);
    expect(checkOneSentencePerLine(page('**Recovery.** Promote a replica.'))).toHaveLength(1);
  });

  it('flags prose inside admonitions and block quotes', () => {
    expect(checkOneSentencePerLine(page(':::note\n\nOne. Two.\n\n:::'))).toHaveLength(1);
    expect(checkOneSentencePerLine(page('> One. Two.'))).toHaveLength(1);
  });

  it('ignores code, front matter, JSX, tables, lists and inline code', () => {
    const source = page(
      [
        '```sh file=./x.sh',
        'echo one. Two',
        '```',
        '',
        '<Tabs>One. Two.</Tabs>',
        '',
        '| a | b |',
        '| - | - |',
        '| One. Two. | x |',
        '',
        '- One. Two.',
        '',
        'Run `echo a. B` once.',
      ].join('\n'),
    );
    expect(checkOneSentencePerLine(source)).toEqual([]);
  });

  it('does not split at abbreviations or inside a sentence', () => {
    expect(checkOneSentencePerLine(page('Use a tool, e.g. Docker, to run it.'))).toEqual([]);
    expect(checkOneSentencePerLine(page('Version 2.3 of FerretDB. and more'))).toEqual([]);
  });
});
