/**
 * Builds an image only when no image carries the content hash of its recipe, then points the
 * profile's stable tag (the name compose uses) at it. A second setup with everything present
 * therefore costs one `docker image inspect` per image.
 */
import { $ } from 'zx';
import { detail } from './progress';

export interface ImageRecipe {
  /** Repository part of the name, e.g. ferretdb-guide/postgres. */
  repository: string;
  /** The tag compose uses for the local profile, e.g. 15-local (see examples/profiles.json). */
  stableTag: string;
  hash: string;
  /** Builds and tags `${repository}:${hash}`. */
  build(tagged: string): Promise<void>;
}

export async function imageExists(name: string): Promise<boolean> {
  return (await $({ nothrow: true, quiet: true })`docker image inspect ${name}`).exitCode === 0;
}

export async function ensureImage(recipe: ImageRecipe): Promise<{ built: boolean; name: string }> {
  const hashed = `${recipe.repository}:${recipe.hash}`;
  const stable = `${recipe.repository}:${recipe.stableTag}`;
  let built = false;
  if (await imageExists(hashed)) {
    detail(`${hashed} is present; recipe unchanged, nothing to build`);
  } else {
    detail(`${hashed} is missing; building it`);
    await recipe.build(hashed);
    built = true;
  }
  await $({ quiet: true })`docker tag ${hashed} ${stable}`;
  detail(`${stable} → ${hashed}`);
  return { built, name: stable };
}

/**
 * `docker build` with the classic builder: the CLI's default needs the buildx plugin, which no
 * registry here serves, and these Dockerfiles (FROM scratch, ADD, COPY) need nothing BuildKit adds.
 */
export async function dockerBuild(contextDir: string, tagged: string): Promise<void> {
  await $({
    quiet: true,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
  })`docker build -q -t ${tagged} ${contextDir}`;
}
