import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { listMdxFiles } from '../../scripts/docs-rules/docs-files';
import { checkFences, formatProblems } from '../../scripts/docs-rules/fences';
import { docsDir, fixturesDir, repoRoot } from './paths';

const fixture = (name: string): string => path.join(fixturesDir, name);

describe('fence rule: every code block comes from a file', () => {
  it('passes every page under docs/', async () => {
    const files = await listMdxFiles(docsDir);
    expect(files.length).toBeGreaterThan(0);
    const problems = (await Promise.all(files.map((file) => checkFences(file, repoRoot)))).flat();
    expect(formatProblems(problems, repoRoot)).toBe('');
  });

  it('accepts imported blocks and mermaid diagrams', async () => {
    expect(await checkFences(fixture('good.mdx'), repoRoot)).toEqual([]);
  });

  it('rejects a command typed by hand', async () => {
    const problems = await checkFences(fixture('typed-by-hand.mdx'), repoRoot);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 7 });
    expect(problems[0]?.message).toMatch(/```sh block has no file= in its meta/);
  });

  it('rejects an import of a file that does not exist', async () => {
    const problems = await checkFences(fixture('missing-file.mdx'), repoRoot);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/file=\.\/no-such-file\.sh points at a missing file/);
  });

  it('rejects a snippet cut by line numbers instead of a named region', async () => {
    const problems = await checkFences(fixture('line-range.mdx'), repoRoot);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/file=\.\/hello\.sh#L2 cuts the file by line numbers/);
  });
});
