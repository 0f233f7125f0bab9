/**
 * Setup's first step: every profile in examples/profiles.json names one FerretDB release's pair
 * (FerretDB 2 refuses, or misbehaves on, a DocumentDB made for another release), and the local
 * profile names exactly the images setup builds from the pinned versions.
 */
import { BUILT_HERE, profileProblem, profileVersions, readProfiles } from '../stack/profiles';
import { ferretdbRecipe } from './ferretdb-image';
import { postgresRecipe } from './postgres-image';
import { detail } from './progress';
import { SetupError } from '../user-error';
import { pins } from '../stack/versions';

export function checkProfiles(profiles = readProfiles()): void {
  const hint =
    'edit examples/profiles.json so that both image tags name the same FerretDB release (the pair FerretDB publishes together), or undo the edit';
  for (const [name, profile] of Object.entries(profiles)) {
    const problem = profileProblem(name, profile);
    if (problem) throw new SetupError(problem, hint);
    const versions = profileVersions(profile);
    if (typeof versions === 'string') throw new SetupError(versions, hint);
    const pinned = pins.ferretdbVersion.replace(/^v/, '');
    if (versions.ferretdb !== pinned || versions.documentdb !== pins.documentdb.version)
      throw new SetupError(
        `profile ${name} names FerretDB ${versions.ferretdb} and DocumentDB ${versions.documentdb}, but this project is pinned to FerretDB ${pinned} and DocumentDB ${pins.documentdb.version} (scripts/stack/versions.ts)`,
        'both profiles run one version set: change the pins and every profile together, then re-record (npm run record)',
      );
    detail(
      `${name}: FerretDB ${versions.ferretdb}, PostgreSQL ${versions.postgresMajor}, DocumentDB ${versions.documentdb}`,
    );
  }
  const local = profiles[BUILT_HERE];
  const built = {
    POSTGRES_IMAGE: `${postgresRecipe().repository}:${postgresRecipe().stableTag}`,
    FERRETDB_IMAGE: `${ferretdbRecipe().repository}:${ferretdbRecipe().stableTag}`,
  };
  for (const key of ['POSTGRES_IMAGE', 'FERRETDB_IMAGE'] as const) {
    if (local?.env[key] !== built[key])
      throw new SetupError(
        `the ${BUILT_HERE} profile's ${key} is ${local?.env[key] ?? '(missing)'}, but setup builds ${built[key]}`,
        `set "${key}": "${built[key]}" in examples/profiles.json`,
      );
  }
}
