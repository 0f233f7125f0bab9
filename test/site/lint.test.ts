// Linters that guard how the docs and the code they show are written.
// Each runs as the CLI a person would run, and a failure shows its own output.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { fixturesDir, repoRoot } from './paths';

/** The code the guide shows and the code that tests it. */
const PRETTIER_GLOBS = ['examples/**/*.{mjs,ts,yaml}', 'scripts/**/*.ts', 'test/**/*.ts'];

function run(bin: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', bin), args, {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('markdownlint', () => {
  it('passes on docs/**/*.mdx', () => {
    const { status, output } = run('markdownlint-cli2', []);
    expect(output).toContain('docs/**/*.mdx');
    expect(status, output).toBe(0);
  });

  it('uses the repository config, which rejects star bullets', () => {
    const { status, output } = run('markdownlint-cli2', [
      path.relative(repoRoot, path.join(fixturesDir, 'lint-bad.mdx')),
    ]);
    expect(status).toBe(1);
    expect(output).toMatch(/lint-bad\.mdx:7:1 error MD004/);
  });
});

describe('prettier', () => {
  it('finds the shown and testing code formatted', () => {
    // The cache (node_modules/.cache/prettier) skips the files it found formatted, as they were.
    const { status, output } = run('prettier', [
      '--check',
      '--cache',
      '--cache-strategy',
      'content',
      ...PRETTIER_GLOBS,
    ]);
    expect(status, output).toBe(0);
  });

  it('uses the repository config, which rejects double quotes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'prettier-'));
    try {
      const file = path.join(dir, 'quotes.ts');
      await writeFile(file, 'export const a = "double";\n');
      const { status, output } = run('prettier', [
        '--config',
        path.join(repoRoot, '.prettierrc.json'),
        '--check',
        file,
      ]);
      expect(status, output).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
