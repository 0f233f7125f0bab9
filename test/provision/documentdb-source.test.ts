/**
 * DocumentDB's source is verified before anything is built from it, and each way of getting it
 * wrong ends in an error that says what to do. Real archives: the vendored one, the same files
 * gzip'd again (what a download from the fork's releases is), and one with a file changed, served
 * over HTTP on loopback as a mirror would serve them.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultSourceCache,
  documentdbArchive,
  sha256Of,
  sourceCacheVariable,
  sourceUrlVariable,
  treeOf,
} from '../../scripts/provision/documentdb-source';
import { buildDir, cacheDir } from '../../scripts/provision/paths';
import { postgresRecipe } from '../../scripts/provision/postgres-image';
import { SetupError } from '../../scripts/user-error';
import { pins } from '../../scripts/stack/versions';

const vendored = path.join(defaultSourceCache, pins.documentdb.archive);
const work = mkdtempSync(path.join(os.tmpdir(), 'documentdb-source-'));
const served = new Map<string, Buffer>();
let server: Server;
let base = '';
const saved = { cache: process.env[sourceCacheVariable], url: process.env[sourceUrlVariable] };

/** The vendored archive's files, changed by `edit`, packed again as `git archive` packs a tag. */
async function repacked(name: string, edit?: (top: string) => void): Promise<Buffer> {
  const dir = path.join(work, `unpacked-${name}`);
  await $({ quiet: true })`mkdir -p ${dir} && tar -C ${dir} -xzf ${vendored}`;
  edit?.(path.join(dir, `documentdb-${pins.documentdb.version}`));
  const out = path.join(work, `${name}.tar.gz`);
  // -n: no name or time in the gzip header, so these bytes differ from the vendored file's.
  await $({ quiet: true })`tar -C ${dir} -cf - . | gzip -n -1 > ${out}`;
  return readFileSync(out);
}

/** An empty cache folder: setup must download, from the mirror this test serves. */
function emptyCache(): string {
  return mkdtempSync(path.join(work, 'cache-'));
}

describe.skipIf(!existsSync(vendored))("DocumentDB's source archive", () => {
  beforeAll(async () => {
    served.set('/regzipped.tar.gz', await repacked('regzipped'));
    served.set(
      '/tampered.tar.gz',
      await repacked('tampered', (top) =>
        writeFileSync(path.join(top, 'README.md'), 'not the tag any more\n', { flag: 'a' }),
      ),
    );
    server = createServer((request, response) => {
      const body = served.get(request.url ?? '');
      response.writeHead(body ? 200 : 404).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    for (const [key, value] of [
      [sourceCacheVariable, saved.cache],
      [sourceUrlVariable, saved.url],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it("the vendored archive is the pinned one, by sha256 and by the tag's git tree", async () => {
    expect(await sha256Of(vendored)).toBe(pins.documentdb.sha256);
    expect(await treeOf(vendored)).toBe(pins.documentdb.tree);
    process.env[sourceCacheVariable] = defaultSourceCache;
    expect((await documentdbArchive()).file).toBe(vendored);
  });

  it("accepts a download whose gzip bytes differ but whose files are the tag's", async () => {
    const cache = emptyCache();
    process.env[sourceCacheVariable] = cache;
    process.env[sourceUrlVariable] = `${base}/regzipped.tar.gz`;
    // The download lands in .cache/sources, where the next setup finds it.
    const kept = path.join(cacheDir, 'sources', pins.documentdb.archive);
    rmSync(kept, { force: true });
    try {
      const got = await documentdbArchive();
      expect(got.file).toBe(kept);
      expect(got.proof).toContain(pins.documentdb.tree.slice(0, 12));
      expect(await sha256Of(kept)).not.toBe(pins.documentdb.sha256);
    } finally {
      rmSync(kept, { force: true });
    }
  });

  it('refuses a download with one file changed, and keeps nothing of it', async () => {
    process.env[sourceCacheVariable] = emptyCache();
    process.env[sourceUrlVariable] = `${base}/tampered.tar.gz`;
    const error = await documentdbArchive().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toMatch(
      new RegExp(
        `holds git tree [0-9a-f]{40}, not the pinned tag's ${pins.documentdb.tree}; nothing was built`,
      ),
    );
    const kept = path.join(cacheDir, 'sources', pins.documentdb.archive);
    expect([existsSync(kept), existsSync(`${kept}.part`)]).toEqual([false, false]);
  });

  it('with no archive and no network, names the cache folder and the variable', async () => {
    const cache = emptyCache();
    process.env[sourceCacheVariable] = cache;
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    process.env[sourceUrlVariable] = 'http://127.0.0.1:1/documentdb.tar.gz';
    const error = (await documentdbArchive().catch((e: unknown) => e)) as SetupError;
    expect(error).toBeInstanceOf(SetupError);
    expect(error.message).toContain(`is in no source cache (${cache}, `);
    expect(error.message).toContain('the download failed');
    expect(error.hint).toContain(defaultSourceCache);
    expect(error.hint).toContain(`${sourceCacheVariable}=/path/to/folder`);
  });

  it('stops on a cached archive that is not the pinned one, before anything is built or tagged', async () => {
    const cache = emptyCache();
    writeFileSync(path.join(cache, pins.documentdb.archive), served.get('/tampered.tar.gz')!);
    process.env[sourceCacheVariable] = cache;
    const recipe = postgresRecipe();
    const tag = 'ferretdb-guide/never-built:checksum-test';
    const error = (await recipe.build(tag).catch((e: unknown) => e)) as SetupError;
    expect(error).toBeInstanceOf(SetupError);
    expect(error.message).toContain(`does not match the pinned checksum`);
    expect(error.message).toContain(`pinned ${pins.documentdb.sha256}`);
    expect(error.message).toContain('nothing was built');
    expect((await $({ quiet: true, nothrow: true })`docker image inspect ${tag}`).exitCode).toBe(1);
    expect(existsSync(path.join(buildDir, `postgres-${recipe.hash}`))).toBe(false);
  });
});
