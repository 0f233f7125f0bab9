// The claim markers: every one names a test that exists, a name that is wrong is refused with what
// to write instead, and the recorded results are rewritten only when one changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { claimAnchors } from '../../scripts/claims/anchors';
import { collectClaims, UnknownTestError } from '../../scripts/claims/collect';
import { claimsIn, unknownTests } from '../../scripts/claims/page-claims';
import { resultOf, resultsFile, writeResults } from '../../scripts/claims/results';
import { guideTestNames, testNamesIn } from '../../scripts/claims/test-names';
import { listMdxFiles } from '../../scripts/docs-rules/docs-files';
import { repoRoot } from '../../scripts/repo-root';

describe('the claims of the pages', () => {
  it('each names a test of test/guide/ that exists: removing or renaming one fails here', async () => {
    const data = await collectClaims(repoRoot, 'https://example.org/');
    expect(data.pages.length).toBeGreaterThan(0);
  });

  it('every page that runs steps makes claims', async () => {
    const data = await collectClaims(repoRoot, 'https://example.org/');
    const withClaims = new Set(data.pages.map((page) => page.id));
    const withSteps = (await listMdxFiles(path.join(repoRoot, 'docs')))
      .filter((file) => readFileSync(file, 'utf8').includes('::step{'))
      .map((file) => path.basename(file, '.mdx'));
    expect(withSteps.filter((page) => !withClaims.has(page))).toEqual([]);
  });
});

describe('a marker', () => {
  const tests = new Map(
    [
      ...testNamesIn(
        [
          "it('01 starts the primary', () => {});",
          "it.skipIf(process.env.X)('02 refuses a second primary', () => {});",
          'it(`03 no substitution`, () => {});',
          // eslint-disable-next-line no-template-curly-in-string
          'it(`04 built ${"at run time"}`, () => {});',
        ].join('\n'),
        'test/guide/demo.test.ts',
      ),
    ].map((name) => [name.id, name]),
  );

  it('names a test by its file and its title written out, with .skipIf and the like', () => {
    expect([...tests.keys()]).toEqual([
      'demo > 01 starts the primary',
      'demo > 02 refuses a second primary',
      'demo > 03 no substitution',
    ]);
  });

  it('that names no test is refused with its page, its line and the names of that file', () => {
    const page = [
      "import Claim from '@site/src/components/Claim';",
      '',
      'The primary starts. <Claim test="demo > 01 starts the primary" />',
      'A second primary is refused. <Claim test="demo > 02 refuses another primary" />',
    ].join('\n');
    const claims = claimsIn(page, 'docs/demo.mdx');
    expect(claims.map((claim) => claim.sentence)).toEqual([
      'The primary starts.',
      'A second primary is refused.',
    ]);
    const problems = unknownTests(claims, tests);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'docs/demo.mdx:4 names the test "demo > 02 refuses another primary"',
    );
    expect(problems[0]).toContain('    demo > 02 refuses a second primary');
  });

  it('without a test is refused', () => {
    expect(() => claimsIn('It works. <Claim />', 'docs/demo.mdx')).toThrow(
      'docs/demo.mdx:1: <Claim> needs test="FILE > TITLE"',
    );
  });

  it('fails the collection, as the build runs it, when it names no test', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'claims-'));
    try {
      mkdirSync(path.join(root, 'docs'));
      mkdirSync(path.join(root, 'test', 'guide'), { recursive: true });
      writeFileSync(
        path.join(root, 'test', 'guide', 'demo.test.ts'),
        "it('01 starts the primary', () => {});\n",
      );
      writeFileSync(
        path.join(root, 'docs', 'demo.mdx'),
        '---\ntitle: Demo\n---\n\nIt starts. <Claim test="demo > 01 starts the primary" />\nIt stops. <Claim test="demo > 02 stops" />\n',
      );
      await expect(collectClaims(root, 'https://example.org/')).rejects.toThrow(UnknownTestError);
      writeFileSync(
        path.join(root, 'docs', 'demo.mdx'),
        '---\ntitle: Demo\n---\n\nIt starts. <Claim test="demo > 01 starts the primary" />\n',
      );
      const data = await collectClaims(root, 'https://example.org/');
      expect(data.pages).toEqual([
        {
          id: 'demo',
          title: 'Demo',
          claims: [
            {
              line: 5,
              sentence: 'It starts.',
              test: 'demo > 01 starts the primary',
              anchor: 'claim-demo-01-starts-the-primary',
              row: 'proof-demo-demo-01-starts-the-primary',
            },
          ],
        },
      ]);
      expect(data.tests['demo > 01 starts the primary']?.result).toBe('not recorded yet');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('gets an id of its own on its page, the same test named twice too', () => {
    expect(claimAnchors(['a > one', 'a > two', 'a > one'])).toEqual([
      'claim-a-one',
      'claim-a-two',
      'claim-a-one-2',
    ]);
  });
});

describe('the test names', () => {
  it('of test/guide/ are each their own', () => {
    expect(guideTestNames(repoRoot).size).toBeGreaterThan(50);
  });

  it('refuse two tests of one file with one title', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'claims-'));
    try {
      mkdirSync(path.join(root, 'test', 'guide'), { recursive: true });
      const twice = "it('01 same', () => {});\nit('01 same', () => {});\n";
      writeFileSync(path.join(root, 'test', 'guide', 'demo.test.ts'), twice);
      expect(() => guideTestNames(root)).toThrow('have the same title');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the recorded results', () => {
  it('are rewritten only when a result or the profile changed, each test file apart', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'claims-'));
    try {
      mkdirSync(path.join(root, 'examples', 'recorded'), { recursive: true });
      const first = {
        demo: { date: '2026-12-01', profile: 'local', tests: { '01 a': 'passed' as const } },
        other: { date: '2026-12-01', profile: 'local', tests: { '01 b': 'passed' as const } },
      };
      expect(writeResults(root, first)).toEqual(['demo', 'other']);
      const file = path.join(root, resultsFile);
      const written = statSync(file).mtimeMs;
      // A later run that found the same: nothing is written, the day stays.
      expect(writeResults(root, { demo: { ...first.demo, date: '2026-12-04' } })).toEqual([]);
      expect(statSync(file).mtimeMs).toBe(written);
      // One result changed: only its file's entry, with the day of the run that found it.
      expect(
        writeResults(root, {
          demo: { date: '2026-12-04', profile: 'local', tests: { '01 a': 'failed' } },
        }),
      ).toEqual(['demo']);
      const results = JSON.parse(readFileSync(file, 'utf8'));
      expect(resultOf(results, 'demo > 01 a')).toBe('failed on 2026-12-04 (local profile)');
      expect(resultOf(results, 'other > 01 b')).toBe('passed on 2026-12-01 (local profile)');
      expect(resultOf(results, 'other > 02 c')).toBe('not recorded yet');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
