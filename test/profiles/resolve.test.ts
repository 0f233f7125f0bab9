// Which profile a run uses is decided in one place, scripts/stack/profiles.ts: a name given on the
// command line, else GUIDE_PROFILE, else the runner's default (official for a reader, local for
// the tests here), and a step script gets the result as values, never the name to look up again.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  loadProfile,
  PROFILE_VARIABLE,
  readProfiles,
  resolveProfile,
  stepEnv,
} from '../../scripts/stack/profiles';
import { SetupError } from '../../scripts/user-error';
import { repoRoot } from '../site/paths';
import { codeFiles } from '../layout/code-files';

describe('resolveProfile', () => {
  it('gives a reader the official images and the tests the local ones when nothing names one', () => {
    expect(resolveProfile('reader', undefined, {}).name).toBe('official');
    expect(resolveProfile('tests', undefined, {}).name).toBe('local');
  });

  it('takes GUIDE_PROFILE over the default, and a chosen name over GUIDE_PROFILE', () => {
    expect(resolveProfile('tests', undefined, { GUIDE_PROFILE: 'official' }).name).toBe('official');
    expect(resolveProfile('reader', undefined, { GUIDE_PROFILE: 'local' }).name).toBe('local');
    expect(resolveProfile('reader', 'local', { GUIDE_PROFILE: 'official' }).name).toBe('local');
  });

  it('says where a missing image comes from: setup for local, a registry for official', () => {
    expect(loadProfile('local').imagesFrom).toBe('setup');
    expect(loadProfile('official').imagesFrom).toBe('registry');
  });

  it('refuses a name no profile has, listing the ones examples/profiles.json defines', () => {
    let error: unknown;
    try {
      resolveProfile('tests', undefined, { GUIDE_PROFILE: 'production' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe('unknown profile "production"');
    expect((error as SetupError).hint).toContain('GUIDE_PROFILE=official or GUIDE_PROFILE=local');
  });
});

describe('stepEnv', () => {
  it("hands a step script the profile's image names and where they come from", () => {
    const local = loadProfile('local');
    expect(stepEnv(local)).toEqual({ ...local.env, GUIDE_IMAGES_FROM: 'setup' });
    expect(Object.keys(stepEnv(local)).sort()).toEqual(
      [...Object.keys(readProfiles().official!.env), 'GUIDE_IMAGES_FROM'].sort(),
    );
  });
});

describe('GUIDE_PROFILE', () => {
  it('is read by scripts/stack/profiles.ts alone', () => {
    const reads = new RegExp(`env(?:\\.${PROFILE_VARIABLE}\\b|\\[\\s*['"\`]${PROFILE_VARIABLE})`);
    const readers = ['scripts', 'test', 'examples']
      .flatMap((dir) => codeFiles(path.join(repoRoot, dir)))
      .concat(path.join(repoRoot, 'vitest.config.mts'))
      .filter((file) => !file.includes(`${path.sep}fixtures${path.sep}`))
      .filter((file) => reads.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file));
    expect(readers).toEqual([]);
  });
});
