// build/ served the way a host serves a Docusaurus site: the routing of
// `docusaurus serve` (serve-handler, clean URLs, no trailing slash, 404.html),
// plus what `docusaurus serve` leaves out and every real host does: brotli or
// gzip compression, and long caching of the content-hashed assets. `npm start`
// serves the site with it; the browser tests and the site bench measure the
// site behind it.
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import compression from 'compression';
import serveHandler from 'serve-handler';

export interface ServedSite {
  readonly url: string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** The built site: an absolute path. */
  readonly dir: string;
  readonly host?: string;
  /** 0: a free port the system picks. */
  readonly port?: number;
}

/** Thrown when the port is held by another program. */
export class PortTakenError extends Error {}

// compression is Express middleware; a plain Node request and response are what it works on.
type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const compress = compression() as unknown as Middleware;

/** One request, from the build folder `root`. */
function serve(root: string, request: IncomingMessage, response: ServerResponse): void {
  compress(request, response, () => {
    serveHandler(request, response, {
      public: root,
      // As `docusaurus serve` with this site's trailingSlash: false.
      cleanUrls: true,
      trailingSlash: false,
      directoryListing: false,
      headers: [
        {
          // Names carry a hash of the content: a new build gives new names.
          source: 'assets/**',
          headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
        },
      ],
    }).catch((error: unknown) => response.destroy(error as Error));
  });
}

export async function serveBuild({
  dir,
  host = '127.0.0.1',
  port = 0,
}: ServeOptions): Promise<ServedSite> {
  const server: Server = createServer((request, response) => {
    // build/ is a link that each new build replaces (scripts/serve/build-and-swap.ts): a request
    // is answered from the one build the link named when it came, even if a swap follows.
    realpath(dir).then(
      (root) => serve(root, request, response),
      () => {
        // No build yet: `npm start` listens before its first build is done.
        response.writeHead(503, {
          'content-type': 'text/plain; charset=utf-8',
          'retry-after': '5',
        });
        response.end('The site is being built; reload in a moment.\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortTakenError(`${host}:${port} is in use`) : error),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
