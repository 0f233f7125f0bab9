/**
 * The profiles of examples/profiles.json: the image names compose needs and the MongoDB URI
 * options, for the tests, the benches and the Ctrl-C teardown alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { examplesDir } from './steps';

export interface Profile {
  env: { POSTGRES_IMAGE: string; FERRETDB_IMAGE: string };
  mongodbUriOptions: string;
}

export function loadProfile(name = process.env.GUIDE_PROFILE ?? 'local'): Profile {
  const profiles = JSON.parse(
    readFileSync(path.join(examplesDir, 'profiles.json'), 'utf8'),
  ) as Record<string, Profile>;
  const profile = profiles[name];
  if (!profile || name.startsWith('$')) throw new Error(`unknown GUIDE_PROFILE=${name}`);
  return profile;
}
