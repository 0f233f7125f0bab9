// plugins/site-performance/client/token-runs.ts against Prism's real tokens for every
// file the guide shows: the runs must spell the file exactly, with no plain
// token left as an element and no two strings side by side.
import { normalizeTokens, Prism } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';

import { tokenRuns } from '../../plugins/site-performance/client/token-runs';
import { expectedCodeBlocks } from './expected-code-blocks';
import { guidePage, repoRoot } from './paths';

// As the site does (themeConfig.prism.additionalLanguages): bash, for the sh blocks.
Reflect.set(globalThis, 'Prism', Prism);
await import('prismjs/components/prism-bash');

function runsOf(code: string, language: string) {
  const grammar = Prism.languages[language];
  if (!grammar) throw new Error(`Prism has no grammar for ${language}`);
  return tokenRuns(normalizeTokens(Prism.tokenize(code, grammar)));
}

function textOf(runs: ReturnType<typeof tokenRuns>): string {
  return runs.map((run) => (typeof run === 'string' ? run : run.content)).join('');
}

describe('token runs', () => {
  it("spell each of the guide's code blocks exactly", async () => {
    const blocks = await expectedCodeBlocks(guidePage, repoRoot);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) {
      const runs = runsOf(block.text, block.lang ?? 'plain');
      expect(textOf(runs), block.meta).toBe(block.text);
      runs.forEach((run, index) => {
        if (typeof run === 'string') expect(typeof runs[index + 1], block.meta).not.toBe('string');
        else expect(run.types, block.meta).not.toEqual(['plain']);
      });
    }
  });

  it('keep empty lines and leading and trailing blank lines', () => {
    const code = '\nconst a = 1;\n\n\nconst b = 2;\n';
    expect(textOf(runsOf(code, 'js'))).toBe(code);
  });

  it('are one string for code with nothing to colour', () => {
    expect(runsOf('just words\n\nand more', 'plain')).toEqual(['just words\n\nand more']);
  });
});
