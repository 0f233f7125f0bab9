/**
 * The files that name the pinned images and versions, written from scripts/stack/versions.ts so
 * that a bump is one edit there: examples/profiles.json (both profiles, both pairs), the image
 * defaults of the compose files a reader runs, and the README's one generated line. The pages
 * import the names themselves (version-names.ts); test/profiles/shown-versions.test.ts holds every
 * version still written by hand to the pins.
 *
 *   npm run versions            write them (npm run record does it first)
 *   npm run versions -- --check  fail, naming the file, when one is not what the pins say
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '../repo-root';
import { pins } from './versions';
import { shown, shownFrom, type VersionNames } from './version-names';

const README_START =
  '<!-- versions: written by npm run versions from scripts/stack/versions.ts -->';
const README_END = '<!-- /versions -->';

type Kind = 'official' | 'local';

export function renderProfiles(now: VersionNames = shown, from: VersionNames = shownFrom): string {
  const env = (kind: Kind) => ({
    POSTGRES_IMAGE: now.images[kind].postgres,
    FERRETDB_IMAGE: now.images[kind].ferretdb,
    UPGRADE_FROM_POSTGRES_IMAGE: from.images[kind].postgres,
    UPGRADE_FROM_FERRETDB_IMAGE: from.images[kind].ferretdb,
  });
  const profiles = {
    $comment:
      "Written by npm run versions from scripts/stack/versions.ts: bump a version there, not here. One version set, two builds of it. official: the images FerretDB publishes (what a reader with internet runs). local: the same versions built on this machine by npm run setup (what CI here runs); never call it the official stack. GUIDE_PROFILE picks one; the compose file's defaults are the official images. The image tags name the versions, and setup refuses a profile whose FerretDB and DocumentDB belong to different FerretDB releases. UPGRADE_FROM_* name the older pair the upgrade page starts from, built here and published by FerretDB the same way.",
    official: {
      description: `FerretDB's published images: FerretDB ${now.ferretdb}, PostgreSQL ${now.postgres} with DocumentDB ${now.documentdb}`,
      env: env('official'),
    },
    local: {
      description: `The same versions built here by npm run setup: PostgreSQL ${now.postgres} from Debian ${pins.debianSuite} with DocumentDB built from its pinned source, FerretDB ${now.ferretdb} from its Go module`,
      env: env('local'),
    },
  };
  return `${JSON.stringify(profiles, null, 2)}\n`;
}

/** A compose file with each `${<VARIABLE>:-default}` image default set to the official image. */
export function renderComposeDefaults(
  text: string,
  now: VersionNames = shown,
  from: VersionNames = shownFrom,
): string {
  const defaults: Record<string, string> = {
    POSTGRES_IMAGE: now.images.official.postgres,
    FERRETDB_IMAGE: now.images.official.ferretdb,
    UPGRADE_FROM_POSTGRES_IMAGE: from.images.official.postgres,
    UPGRADE_FROM_FERRETDB_IMAGE: from.images.official.ferretdb,
  };
  return text.replace(
    /\$\{((?:UPGRADE_FROM_)?(?:POSTGRES|FERRETDB)_IMAGE):-[^}]*\}/g,
    (_, variable: string) => `\${${variable}:-${defaults[variable]}}`,
  );
}

/** The README's generated line, between its markers. */
function renderReadme(text: string, now: VersionNames = shown): string {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  const line =
    `Both profiles run **FerretDB ${now.ferretdb} on PostgreSQL ${now.postgres} with DocumentDB ${now.documentdb}**: ` +
    `\`official\` as \`${now.images.official.ferretdb}\` and \`${now.images.official.postgres}\`, ` +
    `\`local\` as \`${now.images.local.ferretdb}\` and \`${now.images.local.postgres}\`.`;
  return `${text.slice(0, start)}${README_START}\n${line}\n${text.slice(end)}`;
}

/** Each file and what the pins say it should hold. */
function versionFiles(root = repoRoot): { file: string; fresh: string }[] {
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  return [
    { file: 'examples/profiles.json', fresh: renderProfiles() },
    { file: 'examples/compose.yaml', fresh: renderComposeDefaults(read('examples/compose.yaml')) },
    {
      file: 'examples/compose.upgrade-from.yaml',
      fresh: renderComposeDefaults(read('examples/compose.upgrade-from.yaml')),
    },
    { file: 'README.md', fresh: renderReadme(read('README.md')) },
  ];
}

/** The files that are not what the pins say, by path. */
export function staleVersionFiles(root = repoRoot): string[] {
  return versionFiles(root)
    .filter(({ file, fresh }) => readFileSync(path.join(root, file), 'utf8') !== fresh)
    .map(({ file }) => file);
}

/** Writes the files the pins changed; returns their paths. */
function writeVersionFiles(root = repoRoot): string[] {
  const written: string[] = [];
  for (const { file, fresh } of versionFiles(root)) {
    if (readFileSync(path.join(root, file), 'utf8') === fresh) continue;
    writeFileSync(path.join(root, file), fresh);
    written.push(file);
  }
  return written;
}

function main(): void {
  if (process.argv.includes('--check')) {
    const stale = staleVersionFiles();
    for (const file of stale)
      console.error(
        `${file} does not name what scripts/stack/versions.ts pins; run: npm run versions`,
      );
    if (stale.length > 0) process.exitCode = 1;
    return;
  }
  const written = writeVersionFiles();
  console.log(
    written.length === 0
      ? 'versions: every file already names the pinned versions'
      : `versions: wrote ${written.join(', ')}`,
  );
}

if (require.main === module) main();
