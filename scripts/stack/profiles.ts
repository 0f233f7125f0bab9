/**
 * The profiles of examples/profiles.json, and which one a run uses: the only code that reads that
 * file or GUIDE_PROFILE. With versions.ts, the room of the version set: it imports neither the
 * guide's code nor the provisioning's (test/layout/scripts-imports.test.ts), which both ask it. The tests, the benches, setup, `npm run guide` and the Ctrl-C teardown
 * take their image names from here; a step script gets them from scripts/guide/run-step.ts as
 * values (stepEnv). Also the versions those names carry, so that setup can refuse a profile that
 * pairs a FerretDB with a DocumentDB made for another FerretDB release.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SetupError } from '../user-error';
import { repoRoot } from '../repo-root';

/** The one variable that names a profile, for every command and test: GUIDE_PROFILE=local. */
export const PROFILE_VARIABLE = 'GUIDE_PROFILE';

/**
 * Whose run it is decides the profile when nothing names one. A reader's (`npm run guide`) gets
 * `official`, FerretDB's published images: a reader has a registry. This repository's own runs
 * (`npm test`, `npm run setup`, `npm run bench`) get `local`, the same versions built by setup:
 * the CI they run in reaches no registry (GitHub's runners set GUIDE_PROFILE=official to test
 * FerretDB's images). A reader who runs one step script by hand gets no profile at all, and
 * compose.yaml's defaults are the official images, so that agrees with the reader's default here.
 */
export type Runner = 'reader' | 'tests';
const DEFAULT_PROFILE: Readonly<Record<Runner, string>> = { reader: 'official', tests: 'local' };

/** The profile whose images `npm run setup` builds (scripts/provision/profile-check.ts holds it to them). */
export const BUILT_HERE = 'local';

export interface Profile {
  description: string;
  env: {
    POSTGRES_IMAGE: string;
    FERRETDB_IMAGE: string;
    /** The older pair the upgrade page starts from (scripts/stack/versions.ts, pins.upgradeFrom). */
    UPGRADE_FROM_POSTGRES_IMAGE: string;
    UPGRADE_FROM_FERRETDB_IMAGE: string;
  };
}

export interface ResolvedProfile extends Profile {
  name: string;
  /** Where a missing image comes from: `docker pull`, or `npm run setup`. */
  imagesFrom: 'registry' | 'setup';
}

export function readProfiles(
  file = path.join(repoRoot, 'examples', 'profiles.json'),
): Record<string, Profile> {
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Profile | string>;
  return Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, Profile] => !entry[0].startsWith('$')),
  );
}

/** The profile of that name; an unknown name is a SetupError that lists the known ones. */
export function loadProfile(name: string): ResolvedProfile {
  const profiles = readProfiles();
  const profile = profiles[name];
  if (!profile) {
    const known = Object.keys(profiles);
    throw new SetupError(
      `unknown profile "${name}"`,
      `name one that examples/profiles.json defines: ${known.map((k) => `${PROFILE_VARIABLE}=${k}`).join(' or ')}`,
    );
  }
  return { name, ...profile, imagesFrom: name === BUILT_HERE ? 'setup' : 'registry' };
}

/**
 * The profile a run uses: the one `chosen` names (npm run guide's --profile), else the one
 * GUIDE_PROFILE names, else the runner's default.
 */
export function resolveProfile(
  runner: Runner,
  chosen?: string,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedProfile {
  return loadProfile(chosen ?? env[PROFILE_VARIABLE] ?? DEFAULT_PROFILE[runner]);
}

/**
 * What run-step.ts hands a step script: the image names compose.yaml reads, and where a missing
 * one comes from, for the preflight of examples/lib/guide.mjs (pull it, or say to run setup).
 */
export function stepEnv(profile: ResolvedProfile): Record<string, string> {
  return { ...profile.env, GUIDE_IMAGES_FROM: profile.imagesFrom };
}

export interface ProfileVersions {
  /** From the FerretDB image's tag: ghcr.io/ferretdb/ferretdb:2.5.0 → 2.5.0. */
  ferretdb: string;
  postgresMajor: string;
  /** From the PostgreSQL image's tag, 17-0.106.0-ferretdb-2.5.0: DocumentDB 0.106.0-ferretdb-2.5.0 … */
  documentdb: string;
  /** … made for FerretDB 2.5.0. */
  documentdbForFerretdb: string;
}

const FERRETDB_TAG = /:(\d+\.\d+\.\d+)(?:-local)?$/;
const POSTGRES_TAG = /:(\d+)-(\d+\.\d+\.\d+-ferretdb-(\d+\.\d+\.\d+))(?:-local)?$/;

/** Which pair of a profile's images: the current version set's, or the one the upgrade page starts from. */
export type ImagePair = 'current' | 'upgradeFrom';
const PAIR_PREFIX: Readonly<Record<ImagePair, '' | 'UPGRADE_FROM_'>> = {
  current: '',
  upgradeFrom: 'UPGRADE_FROM_',
};

/** The versions a profile's image names carry, or a sentence saying which name has none. */
export function profileVersions(
  profile: Profile,
  pair: ImagePair = 'current',
): ProfileVersions | string {
  const prefix = PAIR_PREFIX[pair];
  const ferretdbImage = profile.env[`${prefix}FERRETDB_IMAGE`];
  const postgresImage = profile.env[`${prefix}POSTGRES_IMAGE`];
  const ferretdb = FERRETDB_TAG.exec(ferretdbImage ?? '');
  if (!ferretdb?.[1])
    return `${prefix}FERRETDB_IMAGE ${ferretdbImage ?? '(missing)'} has no version tag (like :2.5.0)`;
  const postgres = POSTGRES_TAG.exec(postgresImage ?? '');
  if (!postgres?.[1] || !postgres[2] || !postgres[3])
    return `${prefix}POSTGRES_IMAGE ${postgresImage ?? '(missing)'} has no tag like :17-0.106.0-ferretdb-2.5.0`;
  return {
    ferretdb: ferretdb[1],
    postgresMajor: postgres[1],
    documentdb: postgres[2],
    documentdbForFerretdb: postgres[3],
  };
}

/** Why a profile cannot work, or null: FerretDB 2 runs only with the DocumentDB of its release. */
export function profileProblem(name: string, profile: Profile): string | null {
  for (const pair of ['current', 'upgradeFrom'] as const) {
    const versions = profileVersions(profile, pair);
    if (typeof versions === 'string') return `profile ${name}: ${versions}`;
    if (versions.ferretdb !== versions.documentdbForFerretdb)
      return (
        `profile ${name} pairs FerretDB ${versions.ferretdb} with DocumentDB ${versions.documentdb}, ` +
        `which is made for FerretDB ${versions.documentdbForFerretdb}`
      );
  }
  return null;
}

/**
 * Every image name a profile gives, mapped to the variable it fills: ghcr.io/ferretdb/ferretdb:2.5.0
 * and ferretdb-guide/ferretdb:2.5.0-local → FERRETDB_IMAGE. What the matcher redacts in compose's
 * progress lines, handed to it by whoever compares (scripts/outputs/match-output.ts reads no
 * profile itself).
 */
export function profileImages(profiles = readProfiles()): Map<string, string> {
  const images = new Map<string, string>();
  for (const profile of Object.values(profiles))
    for (const [variable, image] of Object.entries(profile.env))
      if (variable.endsWith('_IMAGE')) images.set(image, variable);
  return images;
}
