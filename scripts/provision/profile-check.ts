/**
 * Setup's first step: every profile in examples/profiles.json names one FerretDB release's pair
 * (FerretDB 2 refuses, or misbehaves on, a DocumentDB made for another release), and the local
 * profile names exactly the images setup builds from the pinned versions.
 */
import {
  BUILT_HERE,
  profileProblem,
  profileVersions,
  readProfiles,
  type ImagePair,
} from '../stack/profiles';
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
    for (const pair of ['current', 'upgradeFrom'] as const satisfies ImagePair[]) {
      const versions = profileVersions(profile, pair);
      if (typeof versions === 'string') throw new SetupError(versions, hint);
      const set = pair === 'current' ? pins : pins.upgradeFrom;
      const pinned = set.ferretdbVersion.replace(/^v/, '');
      if (versions.ferretdb !== pinned || versions.documentdb !== set.documentdb.version)
        throw new SetupError(
          `profile ${name} names FerretDB ${versions.ferretdb} and DocumentDB ${versions.documentdb}, but this project pins FerretDB ${pinned} and DocumentDB ${set.documentdb.version} ${pair === 'current' ? 'as its version set' : 'as the pair the upgrade page starts from'} (scripts/stack/versions.ts)`,
          'both profiles run one version set: change the pins and every profile together, then re-record (npm run record)',
        );
      detail(
        `${name}${pair === 'current' ? '' : ' (upgrade page starts from)'}: FerretDB ${versions.ferretdb}, PostgreSQL ${versions.postgresMajor}, DocumentDB ${versions.documentdb}`,
      );
    }
  }
  const local = profiles[BUILT_HERE];
  const name = (recipe: { repository: string; stableTag: string }) =>
    `${recipe.repository}:${recipe.stableTag}`;
  const built = {
    POSTGRES_IMAGE: name(postgresRecipe()),
    FERRETDB_IMAGE: name(ferretdbRecipe()),
    UPGRADE_FROM_POSTGRES_IMAGE: name(postgresRecipe(pins.upgradeFrom)),
    UPGRADE_FROM_FERRETDB_IMAGE: name(ferretdbRecipe(pins.upgradeFrom)),
  };
  for (const key of Object.keys(built) as (keyof typeof built)[]) {
    if (local?.env[key] !== built[key])
      throw new SetupError(
        `the ${BUILT_HERE} profile's ${key} is ${local?.env[key] ?? '(missing)'}, but setup builds ${built[key]}`,
        `set "${key}": "${built[key]}" in examples/profiles.json`,
      );
  }
}
