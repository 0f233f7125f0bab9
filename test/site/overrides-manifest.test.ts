// plugins/site-performance/manifest.json names, for each override of Docusaurus, the upstream
// files it copies or replaces and the Docusaurus version they were read in. An upgrade of any
// @docusaurus/* package fails here until a person has checked each override against the new
// version and written that version in the manifest: a copied file that upstream changed, or an
// aliased lib/ path that moved, would otherwise ship silently.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from './paths';

const PLUGIN = path.join('plugins', 'site-performance');
const MANIFEST = path.join(PLUGIN, 'manifest.json');

interface Upstream {
  readonly package: string;
  readonly file: string;
  /** The file's content when the override was checked against it. */
  readonly sha256?: string;
}

interface Manifest {
  readonly docusaurus: string;
  readonly overrides: readonly {
    readonly files: readonly string[];
    readonly upstream: readonly Upstream[];
  }[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The @docusaurus/* packages installed at the top of node_modules, with their versions. */
function installedDocusaurus(root: string): Map<string, string> {
  const scope = path.join(root, 'node_modules', '@docusaurus');
  return new Map(
    readdirSync(scope).map((name) => [
      `@docusaurus/${name}`,
      readJson<{ version: string }>(path.join(scope, name, 'package.json')).version,
    ]),
  );
}

/** One line per way `root` departs from its manifest; none when the overrides are current. */
function manifestProblems(root: string): string[] {
  const manifest = readJson<Manifest>(path.join(root, MANIFEST));
  const checked = manifest.docusaurus;
  const problems: string[] = [];
  const installed = installedDocusaurus(root);
  for (const [name, version] of installed) {
    if (version !== checked) {
      problems.push(
        `${name} is ${version} but the overrides in ${MANIFEST} were checked against ${checked}: ` +
          're-check each override listed there, then update the manifest',
      );
    }
  }
  const { devDependencies = {}, dependencies = {} } = readJson<{
    devDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  }>(path.join(root, 'package.json'));
  for (const [name, spec] of Object.entries({ ...dependencies, ...devDependencies })) {
    if (name.startsWith('@docusaurus/') && spec !== checked) {
      problems.push(
        `package.json asks for ${name} "${spec}", not exactly "${checked}" (${MANIFEST}): ` +
          'pin it, so that an upgrade is a step someone takes on purpose',
      );
    }
  }
  for (const { package: pkg, file, sha256 } of manifest.overrides.flatMap((o) => o.upstream)) {
    const upstreamFile = path.join(root, 'node_modules', pkg, file);
    let content: Buffer;
    try {
      content = readFileSync(upstreamFile);
    } catch {
      problems.push(
        `${pkg} ${installed.get(pkg) ?? '(not installed)'} has no ${file}, which ${MANIFEST} says an override copies or replaces: ` +
          'find where upstream moved it, check the override against it, then update the manifest',
      );
      continue;
    }
    const now = createHash('sha256').update(content).digest('hex');
    if (now !== sha256)
      problems.push(
        `${pkg}'s ${file} is not the file the override in ${MANIFEST} was checked against (sha256 ${now}, not ${sha256 ?? 'none'}): ` +
          'compare the override with it, adjust or drop the override, then write the new sha256 in the manifest',
      );
  }
  return problems;
}

describe('the overrides manifest', () => {
  it('matches the installed @docusaurus/* packages, and each upstream file it names is there, as it was checked', () => {
    expect(manifestProblems(repoRoot)).toEqual([]);
  });

  it('lists every file of the plugin under one override, and only files that exist', () => {
    const manifest = readJson<Manifest>(path.join(repoRoot, MANIFEST));
    const listed = manifest.overrides.flatMap((override) => override.files);
    const pluginDir = path.join(repoRoot, PLUGIN);
    const present = readdirSync(pluginDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(pluginDir, path.join(entry.parentPath, entry.name)))
      .filter((file) => file !== 'manifest.json' && file !== 'index.ts');
    expect(
      listed.filter((file) => !present.includes(file)),
      `files ${MANIFEST} lists that the plugin does not have: remove them from it`,
    ).toEqual([]);
    expect(
      present.filter((file) => !listed.includes(file)),
      `files of the plugin that no override in ${MANIFEST} lists: add each to its override, with the upstream file, why and the figure`,
    ).toEqual([]);
    expect(new Set(listed).size, 'a file listed under two overrides').toBe(listed.length);
  });

  describe('on a copy whose installed Docusaurus is not the one the manifest names', () => {
    const fixture = mkdtempSync(path.join(os.tmpdir(), 'overrides-manifest-'));
    afterAll(() => rmSync(fixture, { recursive: true, force: true }));
    const write = (file: string, content: unknown): void => {
      mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
      writeFileSync(path.join(fixture, file), JSON.stringify(content));
    };
    write(MANIFEST, {
      docusaurus: '3.10.2',
      overrides: [
        {
          files: [],
          upstream: [
            { package: '@docusaurus/core', file: 'lib/client/prefetch.js' },
            {
              package: '@docusaurus/core',
              file: 'lib/client/exports/Link.js',
              sha256: 'f'.repeat(64),
            },
          ],
        },
      ],
    });
    mkdirSync(path.join(fixture, 'node_modules/@docusaurus/core/lib/client/exports'), {
      recursive: true,
    });
    writeFileSync(
      path.join(fixture, 'node_modules/@docusaurus/core/lib/client/exports/Link.js'),
      'changed\n',
    );
    write('package.json', { devDependencies: { '@docusaurus/core': '^3.10.2' } });
    write('node_modules/@docusaurus/core/package.json', { version: '3.11.0' });

    it('names the package, both versions and what to do', () => {
      expect(manifestProblems(fixture)).toEqual([
        `@docusaurus/core is 3.11.0 but the overrides in ${MANIFEST} were checked against 3.10.2: re-check each override listed there, then update the manifest`,
        `package.json asks for @docusaurus/core "^3.10.2", not exactly "3.10.2" (${MANIFEST}): pin it, so that an upgrade is a step someone takes on purpose`,
        `@docusaurus/core 3.11.0 has no lib/client/prefetch.js, which ${MANIFEST} says an override copies or replaces: find where upstream moved it, check the override against it, then update the manifest`,
        `@docusaurus/core's lib/client/exports/Link.js is not the file the override in ${MANIFEST} was checked against (sha256 ${createHash('sha256').update('changed\n').digest('hex')}, not ${'f'.repeat(64)}): compare the override with it, adjust or drop the override, then write the new sha256 in the manifest`,
      ]);
    });
  });
});
