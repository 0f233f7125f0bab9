/**
 * DocumentDB's source, from a pinned archive. No package registry carries it, so setup takes the
 * tag's archive from an offline source cache (shared/vendor beside the checkout, or the folder
 * named by DOCUMENTDB_SOURCE_CACHE) and otherwise downloads it from the fork's releases. Either
 * way it is verified before anything is built from it: the cached archive by its sha256, a
 * download by the git tree it holds (a download's gzip bytes may differ from the cached file's,
 * its files may not).
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { $ } from 'zx';
import { detail } from './progress';
import { SetupError } from '../user-error';
import { cacheDir, repoRoot } from './paths';
import { pins, type VersionSet } from '../stack/versions';

export const sourceCacheVariable = 'DOCUMENTDB_SOURCE_CACHE';
/** A mirror of the tag's archive, instead of the fork's releases; verified the same way. */
export const sourceUrlVariable = 'DOCUMENTDB_SOURCE_URL';
/** Where a clone finds the project's shared folder: beside the checkout. */
export const defaultSourceCache = path.resolve(repoRoot, '..', 'shared', 'vendor');
/** Where a downloaded archive is kept, so a second setup does not download it again. */
const downloadDir = path.join(cacheDir, 'sources');

export interface VerifiedArchive {
  file: string;
  /** How it was verified, for the progress line. */
  proof: string;
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The git tree id of the archive's files: what `git archive` of the pinned tag was made from. */
export async function treeOf(
  archive: string,
  version: string = pins.documentdb.version,
): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(path.join(cacheDir, 'tree-'));
  try {
    await $({ quiet: true })`tar -C ${work} -xzf ${archive}`;
    const top = path.join(work, `documentdb-${version}`);
    if (!existsSync(top)) return `(no documentdb-${version}/ folder in it)`;
    const git = { GIT_DIR: path.join(work, '.git'), GIT_WORK_TREE: top };
    const env = { ...process.env, ...git };
    await $({ quiet: true, env })`git init -q`;
    // The files as they are: the tree's .gitattributes (`* text=auto`) would otherwise normalise
    // line endings on the way in, and info/attributes is the one place that overrides it.
    mkdirSync(path.join(git.GIT_DIR, 'info'), { recursive: true });
    writeFileSync(
      path.join(git.GIT_DIR, 'info', 'attributes'),
      '* -text -eol -filter -ident -working-tree-encoding\n',
    );
    // -f: the tree holds files its own .gitignore names; they count like any other.
    await $({ quiet: true, env })`git add -A -f .`;
    return (await $({ quiet: true, env })`git write-tree`).stdout.trim();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function cacheFolders(): string[] {
  const named = process.env[sourceCacheVariable];
  return [named ? path.resolve(named) : defaultSourceCache, downloadDir];
}

/** The pinned archive (the current version set's unless another is named), verified; downloaded when no cache folder has it. */
export async function documentdbArchive(
  pin: VersionSet['documentdb'] = pins.documentdb,
): Promise<VerifiedArchive> {
  const { archive, sha256, tree, version } = pin;
  const url = process.env[sourceUrlVariable] || pin.url;
  for (const folder of cacheFolders()) {
    const file = path.join(folder, archive);
    if (!existsSync(file)) continue;
    const actual = await sha256Of(file);
    if (actual === sha256) return { file, proof: `sha256 ${sha256.slice(0, 12)}… as pinned` };
    // A download kept from an earlier setup: its bytes are the server's gzip, its files the tag's.
    if (folder === downloadDir && (await treeOf(file, version)) === tree)
      return { file, proof: `git tree ${tree.slice(0, 12)}… as pinned` };
    throw new SetupError(
      `${file} does not match the pinned checksum (sha256 ${actual}, pinned ${sha256}); nothing was built`,
      `replace it with the release archive of tag ${pin.tag} (${url}), or remove it to let setup download that`,
    );
  }
  const folders = cacheFolders();
  detail(`${archive} is in no source cache (${folders.join(', ')}); downloading ${url}`);
  mkdirSync(downloadDir, { recursive: true });
  const target = path.join(downloadDir, archive);
  const partial = `${target}.part`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    await writeFile(partial, Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    rmSync(partial, { force: true });
    const reason =
      error instanceof Error ? ((error.cause as Error)?.message ?? error.message) : String(error);
    throw new SetupError(
      `DocumentDB's source archive ${archive} is in no source cache (${folders.join(', ')}), and the download failed: ${reason}`,
      `put the archive (sha256 ${sha256}) into ${defaultSourceCache}, or name the folder that holds it with ${sourceCacheVariable}=/path/to/folder, then run setup again`,
    );
  }
  const actualTree = await treeOf(partial, version);
  if (actualTree !== tree) {
    rmSync(partial, { force: true });
    throw new SetupError(
      `the downloaded ${archive} holds git tree ${actualTree}, not the pinned tag's ${tree}; nothing was built`,
      `check what ${url} serves; or put the pinned archive (sha256 ${sha256}) into ${defaultSourceCache}`,
    );
  }
  renameSync(partial, target);
  return { file: target, proof: `downloaded; git tree ${tree.slice(0, 12)}… as pinned` };
}
