/**
 * What a step's recording was verified against: stepFiles' `verified`,
 * examples/recorded/<guide>/<id>.verified.json beside the step's .sh and .txt, holds the day it
 * was recorded, the profile and its images, and the versions the running stack reported then
 * (scripts/guide/stack-versions.ts). `npm run record` writes it with the recording
 * (scripts/guide/recordings.ts); the build shows it as one line under the step's Output
 * (scripts/site-config/step-lines.ts); a fast test holds it to the version set this repository
 * pins (versionProblems), so a recording made against other versions fails until it is made again.
 * The page's line comes from this file alone: nothing else says what a step was verified against.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { pins, type VersionSet } from '../stack/versions';
import { readProfiles, type Profile } from '../stack/profiles';
import type { StackVersions } from './stack-versions';

/** How the versions were obtained: measured by `npm run record` from the running stack. */
export const MEASURED = 'measured';

export interface Verified {
  source: typeof MEASURED;
  /** The UTC day of the recording, YYYY-MM-DD. */
  date: string;
  /** The profile of examples/profiles.json the recording ran, and that profile's images then. */
  profile: string;
  images: Pick<Profile['env'], 'POSTGRES_IMAGE' | 'FERRETDB_IMAGE'>;
  /** Whatever the stack reported; a part it never reported while the run lasted is left out. */
  versions: Partial<StackVersions>;
}

/** Read back with every part there: what the page shows and the test checks. */
export type VerifiedRecording = Verified & { versions: StackVersions };

/** The UTC day of a moment, as `date` holds it. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/**
 * Written as prettier would format it, with one key order, so a re-recording's diff is its changes;
 * a file that states the same profile, images and versions is left as it is, its day with it.
 */
export function writeVerified(file: string, verified: Verified): void {
  const { source, date, profile, images, versions } = verified;
  const ordered = {
    source,
    date,
    profile,
    images: { POSTGRES_IMAGE: images.POSTGRES_IMAGE, FERRETDB_IMAGE: images.FERRETDB_IMAGE },
    versions: {
      ferretdb: versions.ferretdb,
      postgresql: versions.postgresql,
      documentdb: versions.documentdb,
    },
  };
  const text = `${JSON.stringify(ordered, null, 2)}\n`;
  const sameBut = (day: string): string => text.replace(`"date": "${date}"`, `"date": "${day}"`);
  const old = readIfThere(file);
  const oldDay = /"date": "([^"]*)"/.exec(old ?? '')?.[1];
  if (old !== undefined && oldDay !== undefined && old === sameBut(oldDay)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const DAY = /^\d{4}-\d\d-\d\d$/;
const PARTS = { ferretdb: 'FerretDB', postgresql: 'PostgreSQL', documentdb: 'DocumentDB' } as const;

/**
 * The file's content, or what is wrong with it (a sentence without the file's name, which the
 * caller adds). A part missing from `versions` means the stack never reported it while the step
 * was recorded: the run ended, or failed, before that part started.
 */
export function readVerified(file: string): VerifiedRecording | string {
  let data: Partial<Verified>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Verified>;
  } catch (error) {
    return `it cannot be read as JSON (${(error as Error).message})`;
  }
  if (data.source !== MEASURED)
    return `its source is ${JSON.stringify(data.source)}, not "${MEASURED}"`;
  if (typeof data.date !== 'string' || !DAY.test(data.date))
    return `its date is ${JSON.stringify(data.date)}, not a day like 2026-12-02`;
  if (typeof data.profile !== 'string') return 'it names no profile';
  if (
    typeof data.images?.POSTGRES_IMAGE !== 'string' ||
    typeof data.images.FERRETDB_IMAGE !== 'string'
  )
    return 'it does not name both images (POSTGRES_IMAGE, FERRETDB_IMAGE)';
  const versions = data.versions ?? {};
  const unknown = (Object.keys(PARTS) as (keyof StackVersions)[]).filter(
    (part) => typeof versions[part] !== 'string',
  );
  if (unknown.length > 0)
    return `it names no ${unknown.map((part) => PARTS[part]).join(' or ')} version (the stack never reported it while the step was recorded)`;
  return data as VerifiedRecording;
}

/** The line under a step's Output: "Verified on 2026-12-02 against FerretDB 2.5.0, … (local profile)." */
export function verifiedLine(verified: VerifiedRecording): string {
  const { ferretdb, postgresql, documentdb } = verified.versions;
  // The versions as a reader names them: 2.5.0, not v2.5.0; 17.6, not its Debian packaging;
  // 0.106.0, not its git reference. The file keeps the whole strings.
  const first = (text: string): string => text.split(' ')[0] ?? text;
  return (
    `Verified on ${verified.date} against FerretDB ${ferretdb.replace(/^v/, '')}, ` +
    `PostgreSQL ${first(postgresql)} and DocumentDB ${first(documentdb)} (${verified.profile} profile).`
  );
}

/** The guide whose steps replace the stack's images, from pins.upgradeFrom's to the pinned ones. */
export const UPGRADE_GUIDE = 'upgrade';

/** The version sets a guide's recordings may have run: the upgrade page's, either. */
export function versionSetsOf(guide: string): readonly VersionSet[] {
  return guide === UPGRADE_GUIDE ? [pins, pins.upgradeFrom] : [pins];
}

/**
 * How a recording's versions differ from the version set this repository pins
 * (scripts/stack/versions.ts, examples/profiles.json): one sentence each, empty when none.
 */
export function versionProblems(
  verified: VerifiedRecording,
  profiles: Record<string, Profile> = readProfiles(),
  sets: readonly VersionSet[] = [pins],
): string[] {
  const profile = profiles[verified.profile];
  if (!profile) return [`its profile ${verified.profile} is not one of examples/profiles.json's`];
  const problems: string[] = [];
  for (const image of ['POSTGRES_IMAGE', 'FERRETDB_IMAGE'] as const) {
    if (verified.images[image] !== profile.env[image])
      problems.push(
        `it ran ${image}=${verified.images[image]}, and the ${verified.profile} profile now names ${profile.env[image]}`,
      );
  }
  // The pins are the version set both profiles' images are held to (scripts/provision/profile-check.ts);
  // the upgrade page's steps run on either pair.
  const { ferretdb, postgresql, documentdb } = verified.versions;
  const bare = (version: string) => version.replace(/^v/, '');
  const named = (values: string[]) => values.join(' or ');
  if (!sets.some((set) => bare(set.ferretdbVersion) === bare(ferretdb)))
    problems.push(
      `it ran FerretDB ${ferretdb}, and the pinned one is ${named(sets.map((set) => set.ferretdbVersion))}`,
    );
  if (postgresql.split('.')[0] !== pins.postgresMajor)
    problems.push(`it ran PostgreSQL ${postgresql}, and the pinned one is ${pins.postgresMajor}`);
  if (!sets.some((set) => set.documentdb.binaryVersion === documentdb))
    problems.push(
      `it ran DocumentDB "${documentdb}", and the pinned one reports ${named(sets.map((set) => `"${set.documentdb.binaryVersion}"`))}`,
    );
  return problems;
}
