// Every version the pages, the README and the workflow name is the pinned one
// (scripts/stack/versions.ts) or an image of examples/profiles.json: a bump that leaves one
// sentence behind fails here with the file, the line and the pin. A PostgreSQL version after
// "since" is history ("Since PostgreSQL 13 a reload applies that setting") and may be older.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { END, START } from '../../scripts/bench/readme';
import { UPGRADE_GUIDE } from '../../scripts/guide/verified';
import { readProfiles } from '../../scripts/stack/profiles';
import { pins } from '../../scripts/stack/versions';
import {
  renderComposeDefaults,
  renderProfiles,
  staleVersionFiles,
} from '../../scripts/stack/sync-version-files';
import { shownFrom, versionNames } from '../../scripts/stack/version-names';
import { repoRoot } from '../site/paths';

const ferretdb = pins.ferretdbVersion.replace(/^v/, '');
/** The upgrade page also names the pair it starts from (pins.upgradeFrom); no other text may. */
const upgradePage = `docs/${UPGRADE_GUIDE}.mdx`;
const older = shownFrom;
const images = Object.values(readProfiles()).flatMap((profile) => Object.values(profile.env));

/** The texts a reader or a maintainer reads versions in, by path; the README without its measured figures. */
function shownTexts(): [string, string][] {
  const docs = readdirSync(path.join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => path.join('docs', name));
  const workflows = readdirSync(path.join(repoRoot, '.github', 'workflows')).map((name) =>
    path.join('.github', 'workflows', name),
  );
  return [...docs, 'README.md', ...workflows].map((file) => {
    let text = readFileSync(path.join(repoRoot, file), 'utf8');
    if (file === 'README.md')
      text = text.slice(0, text.indexOf(START)) + text.slice(text.indexOf(END));
    return [file, text];
  });
}

/** What is wrong with the versions a text names, one line each, with where. */
function versionProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const olderToo = file === upgradePage;
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    for (const m of line.matchAll(/\bFerretDB v?(\d+\.\d+(?:\.\d+)?)\b/g))
      if (!ferretdb.startsWith(m[1]!) && !(olderToo && older.ferretdb.startsWith(m[1]!)))
        problems.push(`${where}: FerretDB ${m[1]}, where the pin is ${ferretdb}`);
    for (const m of line.matchAll(/\bDocumentDB v?(0\.\d+(?:\.\d+)?(?:-ferretdb-[\d.]+\d)?)/g))
      if (
        !pins.documentdb.version.startsWith(m[1]!) &&
        !(olderToo && older.documentdb.startsWith(m[1]!))
      )
        problems.push(`${where}: DocumentDB ${m[1]}, where the pin is ${pins.documentdb.version}`);
    for (const m of line.matchAll(/(\bsince )?\bPostgreSQL (\d+)(?:\.\d+)?\b/gi))
      if (m[2] !== pins.postgresMajor && m[1] === undefined)
        problems.push(`${where}: PostgreSQL ${m[2]}, where the pin is ${pins.postgresMajor}`);
    for (const m of line.matchAll(/\b[\w./-]*(?:ferretdb|postgres-documentdb):[\w.-]+/g))
      if (!images.includes(m[0]))
        problems.push(`${where}: image ${m[0]}, which no profile of examples/profiles.json names`);
  });
  return problems;
}

describe('the versions the pages, the README and the workflow name', () => {
  it('are the pinned ones', () => {
    const problems = shownTexts().flatMap(([file, text]) => versionProblems(file, text));
    expect(
      problems,
      'write the pinned version (scripts/stack/versions.ts, examples/profiles.json)',
    ).toEqual([]);
  });

  it('fail on a sentence a bump left behind', () => {
    expect(
      versionProblems(
        'docs/x.mdx',
        'FerretDB 2.4.0 on PostgreSQL 16.2 with DocumentDB 0.105.0, since PostgreSQL 13; ghcr.io/ferretdb/ferretdb:2.4.0',
      ),
    ).toEqual([
      `docs/x.mdx:1: FerretDB 2.4.0, where the pin is ${ferretdb}`,
      `docs/x.mdx:1: DocumentDB 0.105.0, where the pin is ${pins.documentdb.version}`,
      `docs/x.mdx:1: PostgreSQL 16, where the pin is ${pins.postgresMajor}`,
      'docs/x.mdx:1: image ghcr.io/ferretdb/ferretdb:2.4.0, which no profile of examples/profiles.json names',
    ]);
  });

  it('allow the pair the upgrade page starts from on that page only', () => {
    const line = `From FerretDB ${older.ferretdb} with DocumentDB ${older.documentdb}`;
    expect(versionProblems(upgradePage, line)).toEqual([]);
    expect(versionProblems('docs/x.mdx', line)).toHaveLength(2);
  });
});

describe('the files written from the pins (npm run versions)', () => {
  it('name what scripts/stack/versions.ts pins', () => {
    expect(staleVersionFiles(), 'run npm run versions').toEqual([]);
  });

  it('follow a bump of the pins: one edit in versions.ts changes the profiles and the compose defaults', () => {
    const bumped = versionNames({
      ...pins,
      ferretdbVersion: 'v2.6.0',
      documentdb: { ...pins.documentdb, version: '0.107.0-ferretdb-2.6.0' },
    });
    const profiles = JSON.parse(renderProfiles(bumped)) as Record<
      string,
      { env: Record<string, string> }
    >;
    expect(profiles.official?.env.FERRETDB_IMAGE).toBe('ghcr.io/ferretdb/ferretdb:2.6.0');
    expect(profiles.local?.env.POSTGRES_IMAGE).toBe(
      'ferretdb-guide/postgres-documentdb:17-0.107.0-ferretdb-2.6.0-local',
    );
    const compose = readFileSync(path.join(repoRoot, 'examples', 'compose.yaml'), 'utf8');
    const fresh = renderComposeDefaults(compose, bumped);
    expect(fresh).toContain(
      '${POSTGRES_IMAGE:-ghcr.io/ferretdb/postgres-documentdb:17-0.107.0-ferretdb-2.6.0}',
    );
    expect(fresh).toContain('${FERRETDB_IMAGE:-ghcr.io/ferretdb/ferretdb:2.6.0}');
    expect(fresh).not.toContain(`ferretdb:${ferretdb}`);
  });
});
