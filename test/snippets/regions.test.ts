import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  dedent,
  extractRegions,
  generatedFiles,
  SnippetError,
} from '../../scripts/snippets/regions';
import { listFiles } from '../../scripts/snippets/tree';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtureTree = path.join(repo, 'test', 'fixtures', 'snippets', 'tree');
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
const cli = path.join(repo, 'scripts', 'snippets', 'cli.ts');

function errorOf(source: string, file = 'x.mjs'): SnippetError {
  try {
    extractRegions(source, file);
  } catch (error) {
    if (error instanceof SnippetError) return error;
    throw error;
  }
  throw new Error('expected a SnippetError');
}

describe('extractRegions', () => {
  it('cuts regions one after another, dedents each, and drops marker lines', () => {
    const source = [
      'function f() {',
      '  // :snippet-start: first',
      '  const a = 1;',
      '  if (a) {',
      '    console.log(a);',
      '  }',
      '  // :snippet-end:',
      '  return a;',
      '    // :snippet-start: second',
      '    console.log(a);',
      '    // :snippet-end:',
      '}',
      '',
    ].join('\n');
    const regions = extractRegions(source);
    expect([...regions.keys()]).toEqual(['first', 'second']);
    expect(regions.get('first')).toBe('const a = 1;\nif (a) {\n  console.log(a);\n}\n');
    expect(regions.get('second')).toBe('console.log(a);\n');
  });

  it.each([
    ['//', 'mjs', 'const x = 1;'],
    ['#', 'yaml', 'key: value'],
    ['--', 'sql', 'SELECT 1;'],
  ])('accepts %s comments', (comment, _ext, code) => {
    const source = `${comment} :snippet-start: one\n    ${code}\n${comment} :snippet-end:\n`;
    expect(extractRegions(source).get('one')).toBe(`${code}\n`);
  });

  it('keeps blank lines inside a region but not at its edges, and dedents around them', () => {
    const source = '  // :snippet-start: a\n\n    x\n\n      y\n\n  // :snippet-end:\n';
    expect(extractRegions(source).get('a')).toBe('x\n\n  y\n');
  });

  it('cuts nothing from a file without regions', () => {
    const regions = extractRegions('plain text\n');
    expect(regions.size).toBe(0);
    expect(generatedFiles('a/b.txt', regions).size).toBe(0);
  });

  it('normalises CRLF sources to LF output', () => {
    expect(extractRegions('// :snippet-start: a\r\nx\r\n// :snippet-end:\r\n').get('a')).toBe(
      'x\n',
    );
  });

  it.each([
    ['unterminated region', 'a\n// :snippet-start: open\nb\n', 2, /"open" is never closed/],
    [
      'duplicate region',
      '// :snippet-start: a\nx\n// :snippet-end:\n// :snippet-start: a\ny\n// :snippet-end:\n',
      4,
      /duplicate region "a" \(first opened at line 1\)/,
    ],
    [
      'region inside a region',
      '// :snippet-start: a\nx\n// :snippet-start: b\ny\n// :snippet-end:\n',
      3,
      /region "b" starts inside region "a" \(opened at line 1\): regions do not nest/,
    ],
    [
      'named end',
      '// :snippet-start: a\nx\n// :snippet-end: a\n',
      3,
      /:snippet-end: takes no name, got "a"/,
    ],
    ['end without start', 'x\n-- :snippet-end:\n', 2, /without an open region/],
    ['bad name', '# :snippet-start: Bad_Name\nx\n# :snippet-end:\n', 1, /region name "Bad_Name"/],
    [
      'marker the extractor does not read',
      '// :snippet-start: a\nx\n// :remove-start:\ny\n',
      3,
      /:remove-start: is not a marker here/,
    ],
    ['empty region', 'x\n// :snippet-start: a\n\n// :snippet-end:\n', 2, /"a" is empty/],
    ['marker after code', 'foo(); // :snippet-end:\n', 1, /alone on its line/],
  ])('rejects %s with file:line', (_case, source, line, message) => {
    const error = errorOf(source, 'examples/steps/x.mjs');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`examples/steps/x.mjs:${line}: `)).toBe(true);
  });
});

describe('dedent', () => {
  it('removes only the whitespace all non-blank lines share', () => {
    expect(dedent(['\t\tx', '\t  y', '', '\t\tz'])).toEqual(['\tx', '  y', '', '\tz']);
  });
});

describe('generatedFiles', () => {
  it('names region files <stem>.<region>.<ext>, and makes no copy of the whole file', () => {
    const regions = extractRegions('// :snippet-start: commands\nx\n// :snippet-end:\n');
    expect([...generatedFiles('steps/02-role.mjs', regions).keys()]).toEqual([
      'steps/02-role.commands.mjs',
    ]);
  });
});

describe('snippets CLI on a fixture tree', () => {
  let root: string;

  function run(...args: string[]): { status: number | null; out: string } {
    const result = spawnSync(tsx, [cli, '--root', root, ...args], { cwd: repo, encoding: 'utf8' });
    return { status: result.status, out: `${result.stdout}${result.stderr}` };
  }

  beforeEach(async () => {
    root = path.join(await mkdtemp(path.join(tmpdir(), 'snippets-')), 'examples');
    await cp(fixtureTree, root, { recursive: true });
  });
  afterEach(async () => {
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it('generates regions, then reports drift, orphans and a clean tree', async () => {
    // Before the first generation, everything is missing.
    const first = run('--check');
    expect(first.status).toBe(1);
    expect(first.out).toContain('missing: ');
    expect(first.out).toContain('run npm run snippets');

    const generate = run();
    expect(generate.status, generate.out).toBe(0);
    expect(await listFiles(path.join(root, 'generated'))).toEqual([
      'config/primary.primary.yaml',
      'sql/check.lag.sql',
      'steps/02-role.commands.mjs',
      'steps/02-role.grant.mjs',
    ]);
    expect(await readFile(path.join(root, 'generated/steps/02-role.commands.mjs'), 'utf8')).toBe(
      "await $`docker exec ${container} psql -U postgres -c ${'CREATE ROLE replicator'}`;\n",
    );
    expect(await readFile(path.join(root, 'generated/config/primary.primary.yaml'), 'utf8')).toBe(
      'primary:\n  image: postgres:16\n  command: ["postgres", "-c", "wal_level=replica"]\n',
    );

    // Nothing changed: --check passes and writes nothing.
    const clean = run('--check');
    expect(clean.status, clean.out).toBe(0);

    // Change a region in the source: --check names the stale generated file.
    const source = path.join(root, 'sql/check.sql');
    await writeFile(
      source,
      (await readFile(source, 'utf8')).replace('replay_lag', 'replay_lag, write_lag'),
    );
    const stale = run('--check');
    expect(stale.status).toBe(1);
    expect(stale.out).toMatch(
      /stale: +\S*generated\/sql\/check\.lag\.sql \(from \S*sql\/check\.sql\)/,
    );
    expect(stale.out).toContain('run npm run snippets');
    // --check must not have fixed it.
    expect(await readFile(path.join(root, 'generated/sql/check.lag.sql'), 'utf8')).not.toContain(
      'write_lag',
    );
    expect(run().status).toBe(0);
    expect(await readFile(path.join(root, 'generated/sql/check.lag.sql'), 'utf8')).toContain(
      'write_lag',
    );

    // Delete a source: its generated files become orphans.
    await rm(path.join(root, 'config/primary.yaml'));
    const orphan = run('--check');
    expect(orphan.status).toBe(1);
    expect(orphan.out).toMatch(/orphan: +\S*generated\/config\/primary\.primary\.yaml/);

    // Regenerating deletes the orphans (and their now-empty directory) and nothing else.
    expect(run().status).toBe(0);
    expect(await listFiles(path.join(root, 'generated'))).not.toContain(
      'config/primary.primary.yaml',
    );
    expect(await listFiles(root)).toContain('recorded/01-status.txt');
    expect(run('--check').status).toBe(0);
    // Each CLI run starts tsx (~0.7 s), and this walk-through runs it nine times.
  }, 60_000);

  it('fails with file:line when a source has a broken marker', async () => {
    await writeFile(
      path.join(root, 'steps/03-broken.sh'),
      'echo a\n# :snippet-start: never-closed\necho b\n',
    );
    const result = run('--check');
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/steps\/03-broken\.sh:2: region "never-closed" is never closed/);
  }, 30_000);
});
