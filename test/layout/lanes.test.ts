// The test lanes of vitest.config.mts: every test file is in exactly one, as vitest itself sees
// it, and a fast test uses neither Docker nor a browser, so `npm run test:fast` runs anywhere.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';

import { repoRoot } from '../site/paths';

/** Test file (relative to the repository) → the lanes (vitest projects) that hold it. */
async function findLanes(): Promise<Map<string, string[]>> {
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

/** Asked of vitest once for the whole file: it starts a vitest of its own. */
let asked: Promise<Map<string, string[]>> | undefined;
const lanesOfFiles = (): Promise<Map<string, string[]>> => (asked ??= findLanes());

/** Every *.test.ts under test/, fixtures aside, relative to the repository. */
function testFiles(): string[] {
  return readdirSync(path.join(repoRoot, 'test'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join('test', 'fixtures') + path.sep))
    .sort();
}

/** Packages that only the Docker and the browser lanes may load. */
const NOT_FAST = ['testcontainers', 'playwright-core'];

/** What a module loads when it runs: its imports and re-exports, type-only ones aside. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    const loads =
      (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(statement) && !statement.isTypeOnly);
    const specifier = loads ? statement.moduleSpecifier : undefined;
    return specifier && ts.isStringLiteral(specifier) ? [specifier.text] : [];
  });
}

/** The file a relative import names, as TypeScript and zx find it. */
function resolveModule(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, ...['.ts', '.mts', '.tsx', '.mjs', '.js'].map((ext) => base + ext)].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/**
 * Whether the test `file` loads, itself or through the modules it imports, a package only the
 * other lanes may: one line that names the chain, or none. Dynamic imports are not followed
 * (commands.test.ts reads the bench registry's names, and launches nothing).
 */
function notFastLoads(root: string, file: string): string[] {
  const seen = new Set<string>();
  const shown = (module: string): string => path.relative(root, module).split(path.sep).join('/');
  const walk = (module: string, chain: readonly string[]): string[] | undefined => {
    if (seen.has(module)) return undefined;
    seen.add(module);
    for (const specifier of valueImports(module)) {
      if (NOT_FAST.includes(specifier)) return [...chain, specifier];
      const target = specifier.startsWith('.') ? resolveModule(module, specifier) : undefined;
      const found = target && walk(target, [...chain, shown(target)]);
      if (found) return found;
    }
    return undefined;
  };
  const chain = walk(path.join(root, file), [file]);
  return chain
    ? [
        `${file} loads ${chain.at(-1)} (${chain.join(' → ')}): move it to the folder of the lane it needs (vitest.config.mts)`,
      ]
    : [];
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
    expect(fast.flatMap(([file]) => notFastLoads(repoRoot, file))).toEqual([]);
  });

  it('name the fast test that loads containers or the browser, and how', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'lanes-'));
    try {
      mkdirSync(path.join(root, 'test', 'docs'), { recursive: true });
      mkdirSync(path.join(root, 'test', 'lib'), { recursive: true });
      const write = (file: string, lines: string[]) =>
        writeFileSync(path.join(root, file), `${lines.join('\n')}\n`);
      write('test/lib/harness.ts', ["export { GenericContainer } from 'testcontainers';"]);
      write('test/lib/types.ts', ["import type { Browser } from 'playwright-core';"]);
      write('test/docs/new.test.ts', [
        "import type { Browser } from 'playwright-core';",
        "import '../lib/types';",
        "const later = await import('playwright-core');",
        "import { GenericContainer } from '../lib/harness';",
      ]);
      expect(notFastLoads(root, 'test/docs/new.test.ts')).toEqual([
        'test/docs/new.test.ts loads testcontainers (test/docs/new.test.ts → test/lib/harness.ts → testcontainers): move it to the folder of the lane it needs (vitest.config.mts)',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('point the fast one at no Docker daemon, so a fast test that needs one fails', () => {
    expect(process.env.DOCKER_HOST).toMatch(/^unix:\/\/\/nonexistent\//);
  });
});
