// The test lanes of vitest.config.mts: every test file is in exactly one, as vitest itself sees
// it, and a fast test uses neither Docker nor a browser, so `npm run test:fast` runs anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';

import { repoRoot } from '../site/paths';

/** Test file (relative to the repository) → the lanes (vitest projects) that hold it. */
async function lanesOfFiles(): Promise<Map<string, string[]>> {
  const vitest = await createVitest('test', { root: repoRoot, watch: false, run: true });
  try {
    const lanes = new Map<string, string[]>();
    for (const spec of await vitest.globTestSpecifications()) {
      const file = path.relative(repoRoot, spec.moduleId);
      lanes.set(file, [...(lanes.get(file) ?? []), spec.project.name]);
    }
    return lanes;
  } finally {
    await vitest.close();
  }
}

/** Every *.test.ts under test/, fixtures aside, relative to the repository. */
function testFiles(): string[] {
  return readdirSync(path.join(repoRoot, 'test'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join('test', 'fixtures') + path.sep))
    .sort();
}

/** What only the Docker and browser lanes may import: the guide's harness, containers, Chromium. */
const NOT_FAST = [
  {
    what: 'the Docker harness (test/lib/)',
    matches: (target: string) => target.startsWith('test/lib/'),
  },
  {
    what: 'the browser (scripts/browser/)',
    matches: (target: string) => target.startsWith('scripts/browser/'),
  },
  { what: 'testcontainers', matches: (target: string) => target === 'testcontainers' },
  { what: 'playwright-core', matches: (target: string) => target === 'playwright-core' },
];

/** One line per import of `text` (the file `file`, relative to the repository) that a fast test may not make. */
function notFastImports(file: string, text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.flatMap(({ fileName: specifier }) => {
    const target = specifier.startsWith('.')
      ? path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), specifier))
      : specifier;
    const rule = NOT_FAST.find(({ matches }) => matches(target.split(path.sep).join('/')));
    return rule
      ? [
          `${file} imports '${specifier}', ${rule.what}: move it to a folder of the lane it needs (vitest.config.mts)`,
        ]
      : [];
  });
}

describe('test lanes', () => {
  it('hold every test file, each in exactly one', async () => {
    const lanes = await lanesOfFiles();
    expect([...lanes.keys()].sort()).toEqual(testFiles());
    const elsewhere = [...lanes].filter(([, names]) => names.length !== 1);
    expect(elsewhere, 'files in more than one lane').toEqual([]);
    // Each lane holds something: a glob that matched nothing would be a lane quietly gone.
    expect(new Set([...lanes.values()].flat())).toEqual(new Set(['fast', 'docker', 'browser']));
  });

  it('keep Docker and the browser out of the fast one', async () => {
    const fast = [...(await lanesOfFiles())].filter(([, names]) => names[0] === 'fast');
    const problems = fast.flatMap(([file]) =>
      notFastImports(file, readFileSync(path.join(repoRoot, file), 'utf8')),
    );
    expect(problems).toEqual([]);
  });

  it('name the fast test that imports the harness or the browser', () => {
    const text = [
      "import { compose } from '../lib/compose-project';",
      "import { launchChromium } from '../../scripts/browser/chromium';",
      "import { GenericContainer } from 'testcontainers';",
      "import { repoRoot } from '../site/paths';",
    ].join('\n');
    expect(notFastImports('test/docs/new.test.ts', text)).toEqual([
      "test/docs/new.test.ts imports '../lib/compose-project', the Docker harness (test/lib/): move it to a folder of the lane it needs (vitest.config.mts)",
      "test/docs/new.test.ts imports '../../scripts/browser/chromium', the browser (scripts/browser/): move it to a folder of the lane it needs (vitest.config.mts)",
      "test/docs/new.test.ts imports 'testcontainers', testcontainers: move it to a folder of the lane it needs (vitest.config.mts)",
    ]);
  });

  it('point the fast one at no Docker daemon, so a fast test that needs one fails', () => {
    expect(process.env.DOCKER_HOST).toMatch(/^unix:\/\/\/nonexistent\//);
  });
});
