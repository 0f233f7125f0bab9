/**
 * The profiles of examples/profiles.json: the image names compose needs, for the tests, the
 * benches, setup and the Ctrl-C teardown alike; and the versions those names carry, so that setup
 * can refuse a profile that pairs a FerretDB with a DocumentDB made for another FerretDB release.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { examplesDir } from './steps';

export interface Profile {
  description: string;
  env: { POSTGRES_IMAGE: string; FERRETDB_IMAGE: string };
}

export function readProfiles(
  file = path.join(examplesDir, 'profiles.json'),
): Record<string, Profile> {
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Profile | string>;
  return Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, Profile] => !entry[0].startsWith('$')),
  );
}

export function loadProfile(name = process.env.GUIDE_PROFILE ?? 'local'): Profile {
  const profile = readProfiles()[name];
  if (!profile) throw new Error(`unknown GUIDE_PROFILE=${name}`);
  return profile;
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

/** The versions a profile's image names carry, or a sentence saying which name has none. */
export function profileVersions(profile: Profile): ProfileVersions | string {
  const ferretdb = FERRETDB_TAG.exec(profile.env.FERRETDB_IMAGE);
  if (!ferretdb?.[1])
    return `FERRETDB_IMAGE ${profile.env.FERRETDB_IMAGE} has no version tag (like :2.5.0)`;
  const postgres = POSTGRES_TAG.exec(profile.env.POSTGRES_IMAGE);
  if (!postgres?.[1] || !postgres[2] || !postgres[3])
    return `POSTGRES_IMAGE ${profile.env.POSTGRES_IMAGE} has no tag like :17-0.106.0-ferretdb-2.5.0`;
  return {
    ferretdb: ferretdb[1],
    postgresMajor: postgres[1],
    documentdb: postgres[2],
    documentdbForFerretdb: postgres[3],
  };
}

/** Why a profile cannot work, or null: FerretDB 2 runs only with the DocumentDB of its release. */
export function profileProblem(name: string, profile: Profile): string | null {
  const versions = profileVersions(profile);
  if (typeof versions === 'string') return `profile ${name}: ${versions}`;
  if (versions.ferretdb !== versions.documentdbForFerretdb)
    return (
      `profile ${name} pairs FerretDB ${versions.ferretdb} with DocumentDB ${versions.documentdb}, ` +
      `which is made for FerretDB ${versions.documentdbForFerretdb}`
    );
  return null;
}
