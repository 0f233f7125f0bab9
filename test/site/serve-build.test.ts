// scripts/serve/serve-build.ts, which `npm start` serves the site with: the
// routing of `docusaurus serve`, compression, and caching of hashed assets.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PortTakenError, serveBuild, type ServedSite } from '../../scripts/serve/serve-build';
import { repoRoot } from './paths';

// Over compression's 1 KB threshold.
const page = (title: string): string =>
  `<!doctype html><title>${title}</title>${'<p>text</p>'.repeat(200)}`;
const FILES: Record<string, string> = {
  'index.html': page('home'),
  'failover.html': page('failover'),
  '404.html': page('not found'),
  'assets/js/main.0123abcd.js': `console.log(${JSON.stringify('x'.repeat(2000))});`,
};

interface Response {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** A GET that sends exactly the Accept-Encoding given, and decodes what comes back. */
async function get(url: string, acceptEncoding: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const body =
          encoding === 'br'
            ? brotliDecompressSync(raw)
            : encoding === 'gzip'
              ? gunzipSync(raw)
              : raw;
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: body.toString(),
        });
      });
    }).on('error', reject);
  });
}

let dir = '';
let site: ServedSite | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'serve-build-'));
  for (const [name, content] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  site = await serveBuild({ dir });
});

afterAll(async () => {
  await site?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('serving the built site', () => {
  it('compresses with brotli or gzip as the browser asks, and sends the file itself', async () => {
    const url = `${site?.url}/`;
    const brotli = await get(url, 'gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.text).toBe(FILES['index.html']);
    expect((await get(url, 'gzip')).headers['content-encoding']).toBe('gzip');
    const plain = await get(url, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(FILES['index.html']);
  });

  it('routes as `docusaurus serve` does: clean URLs, and 404.html for what is missing', async () => {
    const failover = await get(`${site?.url}/failover`, 'br');
    expect(failover.status).toBe(200);
    expect(failover.text).toBe(FILES['failover.html']);
    const missing = await get(`${site?.url}/no-such-page`, 'br');
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(FILES['404.html']);
  });

  it('lets browsers cache the content-hashed assets for good, and not the pages', async () => {
    const asset = await get(`${site?.url}/assets/js/main.0123abcd.js`, 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(`${site?.url}/`, 'br')).headers['cache-control'] ?? '').not.toContain(
      'immutable',
    );
  });

  it('says the port is taken, and the command line says what to do before it builds', async () => {
    const port = Number(new URL(site?.url ?? '').port);
    await expect(serveBuild({ dir, port })).rejects.toBeInstanceOf(PortTakenError);
    // npm start (--build): it listens first, so this needs no build/ and starts none.
    const cli = spawnSync(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['scripts/serve/cli.ts', '--build', '--port', String(port)],
      { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.status).toBe(1);
    expect(cli.stdout).not.toContain('Building');
    expect(cli.stderr).toContain(`error: 127.0.0.1:${port} is in use`);
    expect(cli.stderr).toContain(
      `what to do: stop that program, or choose another port: npm start -- --port ${port + 1}`,
    );
  });
});
