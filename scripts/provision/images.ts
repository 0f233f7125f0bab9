/**
 * Builds an image only when no image carries the content hash of its recipe, then points the
 * profile's stable tag (the name compose uses) at it. A second setup with everything present
 * therefore costs one `docker image inspect` per image.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx';
import { onInterrupt, sleepSync } from '../cli/on-interrupt';
import { buildDir } from './paths';
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

/**
 * The repository and tag of a local profile's image name (scripts/stack/version-names.ts, the one
 * place that names the images), as a recipe carries them.
 */
export function localName(name: string): Pick<ImageRecipe, 'repository' | 'stableTag'> {
  const colon = name.lastIndexOf(':');
  return { repository: name.slice(0, colon), stableTag: name.slice(colon + 1) };
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
    const forget = onInterrupt(undoPartialBuild());
    await recipe.build(hashed);
    forget();
    built = true;
  }
  await $({ quiet: true })`docker tag ${hashed} ${stable}`;
  detail(`${stable} → ${hashed}`);
  return { built, name: stable };
}

/** Every image the daemon holds, intermediate ones included. */
function allImages(): Set<string> {
  const out = execFileSync('docker', ['images', '-a', '-q', '--no-trunc'], { encoding: 'utf8' });
  return new Set(out.split('\n').filter(Boolean));
}

function untagged(id: string): boolean {
  try {
    const tags = execFileSync('docker', ['image', 'inspect', '-f', '{{len .RepoTags}}', id], {
      encoding: 'utf8',
    });
    return tags.trim() === '0';
  } catch {
    return false; // gone meanwhile
  }
}

function folderEntries(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

/** The classic builder's step containers (a COPY or ADD step in flight), one per line. */
function builderContainers(): string {
  const out = execFileSync('docker', ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Image}}'], {
    encoding: 'utf8',
  });
  // The builder creates each step's container from the previous step's image, by its ID; the
  // guide's containers name their images.
  return out
    .split('\n')
    .filter((line) => /^\S+ (sha256:)?[0-9a-f]{12,64}$/.test(line))
    .join('\n');
}

/**
 * The daemon goes on with a build whose client a signal has stopped until it checks between two
 * steps, or to its end (it then tags the image: whole, and kept). A step it finishes after the
 * clean-up has looked would leave its image behind. No API tells when a classic build has
 * stopped: it has once no step container is left and two looks half a second apart find the
 * same images (a step without a container only writes its image, in milliseconds). At most a
 * minute.
 */
function waitForStoppedBuild(): void {
  let last = '';
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const containers = builderContainers();
    const now = `${[...allImages()].sort().join(',')}|${containers}`;
    if (now === last && containers === '') return;
    last = now;
    sleepSync(500);
  }
}

/**
 * What an interrupted build must not leave: its work folders under .cache/build (a root file
 * system, a build context) and the untagged images of a `docker build` stopped half-way. Taken
 * before the build; the returned clean-up removes what is new since (a completed image, tagged
 * with its content hash, is whole and stays).
 */
function undoPartialBuild(): () => void {
  const imagesBefore = allImages();
  const entriesBefore = folderEntries(buildDir);
  return () => {
    waitForStoppedBuild();
    for (const entry of folderEntries(buildDir))
      if (!entriesBefore.has(entry))
        rmSync(path.join(buildDir, entry), { recursive: true, force: true });
    // Children before parents: a pass removes the leaves, the next their parents.
    for (let pass = 0; pass < 20; pass += 1) {
      const left = [...allImages()].filter((id) => !imagesBefore.has(id) && untagged(id));
      let removed = 0;
      for (const id of left) {
        try {
          execFileSync('docker', ['rmi', id], { stdio: 'ignore' });
          removed += 1;
        } catch {
          // A parent of an image still there: the next pass.
        }
      }
      // What is left is the parents of a whole image, which the daemon finished and tagged.
      if (removed === 0) break;
    }
    console.error('  removed the partial image build');
  };
}

/**
 * `docker build` with the classic builder: the CLI's default needs the buildx plugin, which no
 * registry here serves, and these Dockerfiles (FROM scratch, ADD, COPY) need nothing BuildKit adds.
 */
export async function dockerBuild(contextDir: string, tagged: string): Promise<void> {
  await $({
    quiet: true,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
  })`docker build -q --force-rm -t ${tagged} ${contextDir}`;
}
