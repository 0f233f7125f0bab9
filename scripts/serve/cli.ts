// npm run serve [-- --port N] [-- --host H]: serves build/ (scripts/serve/serve-build.ts)
// until Ctrl-C. `npm start` is the same command with --build: it builds first.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseCli } from '../cli/args';
import { buildAndSwap, BuildError } from './build-and-swap';
import { PortTakenError, serveBuild, type ServedSite } from './serve-build';

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build');

const USAGE = `usage: npm start [-- --port N] [-- --host H]
       npm run serve [-- --port N] [-- --host H]

Serves build/ as a host serves the site (brotli or gzip, hashed assets cached for good) until
Ctrl-C. npm start is npm run serve with --build: it builds the site first, into a new folder
that replaces build/ once complete, so a server running meanwhile keeps serving the last build.
  --build      build the site first
  --port N     the port to listen on (default: 3000)
  --host H     the address to listen on (default: 127.0.0.1)
  -h, --help   print this and exit`;

function fail(message: string, hint: string): never {
  console.error(`error: ${message}\n  what to do: ${hint}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const cli = parseCli({
    usage: USAGE,
    options: {
      build: { type: 'boolean', default: false },
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const { values } = cli;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    cli.usageError(`--port ${values.port} is not a port number (0 to 65535, e.g. 3001)`);
  }
  const hadBuild = existsSync(path.join(buildDir, 'index.html'));
  if (!values.build && !hadBuild) {
    fail(
      'build/ holds no built site',
      'run `npm start` (it builds, then serves), or `npm run build` first',
    );
  }
  const command = values.build ? 'npm start' : 'npm run serve';
  let site: ServedSite;
  try {
    // Listening before building: a taken port says so at once, not after the build; meanwhile
    // the server answers from the last build, or says the site is being built.
    site = await serveBuild({ dir: buildDir, host: values.host, port });
  } catch (error) {
    if (error instanceof PortTakenError) {
      fail(
        `${error.message}: another program listens there`,
        `stop that program, or choose another port: ${command} -- --port ${port + 1}`,
      );
    }
    throw error;
  }
  if (values.build) {
    console.log(
      hadBuild
        ? `Building the site; ${site.url}/ serves the last build meanwhile.`
        : `Building the site; ${site.url}/ answers "being built" (503) until it is done.`,
    );
    try {
      await buildAndSwap();
    } catch (error) {
      await site.stop();
      if (error instanceof BuildError)
        fail(error.message, 'fix what it says, then run npm start again');
      throw error;
    }
  }
  console.log(`Serving build/ at ${site.url}/ (compressed, as a host serves it). Ctrl-C stops.`);
}

void main();
