/**
 * Images are rebuilt only when their recipe changes. A throwaway recipe (FROM scratch, one file)
 * goes through the same ensureImage as the real ones; then the real images are checked to be
 * current, which is what makes a second setup take seconds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, describe, expect, it } from 'vitest';
import { recipeHash } from '../../scripts/provision/content-hash';
import {
  dockerBuild,
  ensureImage,
  imageExists,
  type ImageRecipe,
} from '../../scripts/provision/images';
import { ferretdbRecipe } from '../../scripts/provision/ferretdb-image';
import { postgresRecipe } from '../../scripts/provision/postgres-image';
import { testProfile } from '../lib/compose-project';

const dir = mkdtempSync(path.join(os.tmpdir(), 'image-cache-test-'));
const repository = `ferretdb-guide/cache-test-${process.pid}`;

function tinyRecipe(content: string, builds: string[]): ImageRecipe {
  writeFileSync(path.join(dir, 'payload.txt'), content);
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY payload.txt /payload.txt\n');
  return {
    repository,
    stableTag: 'local',
    hash: recipeHash([path.join(dir, 'Dockerfile'), path.join(dir, 'payload.txt')], { test: true }),
    async build(tagged) {
      builds.push(tagged);
      await dockerBuild(dir, tagged);
    },
  };
}

describe('image cache by recipe hash', () => {
  afterAll(async () => {
    const ids = await $({ quiet: true })`docker images -q ${repository}`;
    const unique = [...new Set(ids.stdout.split('\n').filter(Boolean))];
    if (unique.length > 0) await $({ quiet: true, nothrow: true })`docker rmi -f ${unique}`;
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds once, skips the build when nothing changed, and rebuilds when the recipe changes', async () => {
    const builds: string[] = [];
    const first = tinyRecipe('one', builds);
    expect((await ensureImage(first)).built).toBe(true);
    expect((await ensureImage(tinyRecipe('one', builds))).built).toBe(false);
    const changed = tinyRecipe('two', builds);
    expect(changed.hash).not.toBe(first.hash);
    expect((await ensureImage(changed)).built).toBe(true);
    expect(builds).toEqual([`${repository}:${first.hash}`, `${repository}:${changed.hash}`]);
    // The stable tag, which compose uses, follows the newest recipe.
    const stable = await $({
      quiet: true,
    })`docker image inspect -f {{.Id}} ${`${repository}:local`}`;
    const newest = await $({
      quiet: true,
    })`docker image inspect -f {{.Id}} ${`${repository}:${changed.hash}`}`;
    expect(stable.stdout).toBe(newest.stdout);
  });

  it.skipIf(testProfile.imagesFrom !== 'setup')(
    'finds the local profile images current, so setup has nothing to build',
    async () => {
      for (const recipe of [postgresRecipe(), ferretdbRecipe()]) {
        expect(
          await imageExists(`${recipe.repository}:${recipe.hash}`),
          `${recipe.repository}:${recipe.hash}; run npm run setup`,
        ).toBe(true);
      }
    },
  );
});
