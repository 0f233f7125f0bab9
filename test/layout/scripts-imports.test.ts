// scripts/ is what the commands run; test/ is what only the tests run. A script that imported a
// test helper would make the tests' files part of every command, and a change to a test could
// break `npm run bench`. Helpers both need live under scripts/ and the tests import them there.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../site/paths';
import { codeFiles } from './code-files';

/**
 * One line per import, static or dynamic, of a file under `root`/scripts that resolves into
 * `root`/test. TypeScript's own scanner reads the imports, so one in a comment or a string is none.
 */
function importsIntoTest(root: string): string[] {
  const testDir = path.join(root, 'test');
  const problems: string[] = [];
  for (const file of codeFiles(path.join(root, 'scripts'))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (target !== testDir && !target.startsWith(testDir + path.sep)) continue;
      problems.push(
        `${path.relative(root, file)} imports '${specifier}' (${path.relative(root, target)}): ` +
          'move what it needs under scripts/ and have the tests import it from there',
      );
    }
  }
  return problems;
}

/** Imports of files under `from` that resolve into any of `into` (folders relative to the root). */
function importsBetween(root: string, from: string, into: readonly string[]): string[] {
  const targets = into.map((dir) => path.join(root, dir));
  const found: string[] = [];
  for (const file of codeFiles(path.join(root, from))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (targets.some((dir) => target === dir || target.startsWith(dir + path.sep)))
        found.push(`${path.relative(root, file)} imports '${specifier}'`);
    }
  }
  return found;
}

describe('the version set is one room that the others ask', () => {
  it('scripts/stack/ (pins, profiles, image names) imports neither the guide nor provisioning nor the matcher', () => {
    expect(
      importsBetween(repoRoot, 'scripts/stack', [
        'scripts/guide',
        'scripts/provision',
        'scripts/outputs',
      ]),
    ).toEqual([]);
  });

  it('the matcher reads no profile: it is handed the image names it redacts', () => {
    expect(importsBetween(repoRoot, 'scripts/outputs', ['scripts/stack', 'scripts/guide'])).toEqual(
      [],
    );
  });
});

describe('nothing under scripts/ imports from test/', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'scripts-imports-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds for this repository', () => {
    expect(importsIntoTest(repoRoot)).toEqual([]);
  });

  it('names the file and the import when one does, static or dynamic', () => {
    mkdirSync(path.join(scratch, 'scripts', 'bench'), { recursive: true });
    mkdirSync(path.join(scratch, 'test', 'site'), { recursive: true });
    writeFileSync(
      path.join(scratch, 'scripts', 'bench', 'site.ts'),
      [
        "import { launchChromium } from '../../test/site/chromium';",
        "// import { not } from '../../test/in-a-comment';",
        "const later = await import('../../test/site/diagram');",
        "import { fine } from '../serve/site-server';",
        '',
      ].join('\n'),
    );
    expect(importsIntoTest(scratch)).toEqual([
      "scripts/bench/site.ts imports '../../test/site/chromium' (test/site/chromium): move what it needs under scripts/ and have the tests import it from there",
      "scripts/bench/site.ts imports '../../test/site/diagram' (test/site/diagram): move what it needs under scripts/ and have the tests import it from there",
    ]);
  });
});
