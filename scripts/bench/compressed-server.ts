// A tiny static server for build/ that compresses its responses, on loopback.
//
// `docusaurus serve` sends every file uncompressed; any real host (GitHub
// Pages, Netlify, a CDN, nginx with gzip on) compresses HTML, CSS and JS. The
// site bench measures Lighthouse behind both, and says which figure is which.
// Paths resolve as `docusaurus serve` resolves them with trailingSlash: false:
// `/` is index.html, `/page` is page.html (or page/index.html).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt']);

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const clean = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return undefined;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

export interface CompressedSite {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 and a free port, with brotli or gzip as the client asks. */
export async function serveCompressed(root: string): Promise<CompressedSite> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const file =
        (await resolveFile(root, pathname)) ??
        ((await isFile(path.join(root, '404.html'))) ? path.join(root, '404.html') : undefined);
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      const ext = path.extname(file);
      const accepted = String(request.headers['accept-encoding'] ?? '');
      const headers: Record<string, string> = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        vary: 'Accept-Encoding',
      };
      const status = file.endsWith('404.html') && !pathname.endsWith('404.html') ? 404 : 200;
      const encoder = !COMPRESSIBLE.has(ext)
        ? undefined
        : /\bbr\b/.test(accepted)
          ? ({
              name: 'br',
              stream: createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
            } as const)
          : /\bgzip\b/.test(accepted)
            ? ({ name: 'gzip', stream: createGzip() } as const)
            : undefined;
      if (encoder) headers['content-encoding'] = encoder.name;
      response.writeHead(status, headers);
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      await (encoder
        ? pipeline(createReadStream(file), encoder.stream, response)
        : pipeline(createReadStream(file), response));
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
