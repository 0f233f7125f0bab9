// npm run serve [-- --port N] [-- --host H]: serves build/ (scripts/serve/serve-build.ts)
// until Ctrl-C. `npm start` builds first.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { PortTakenError, serveBuild } from './serve-build';

const buildDir = path.resolve(__dirname, '..', '..', 'build');

function fail(message: string, hint: string): never {
  console.error(`error: ${message}\n  what to do: ${hint}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(
      `--port ${values.port} is not a port number`,
      'give a number from 1 to 65535, e.g. --port 3001',
    );
  }
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    fail(
      'build/ holds no built site',
      'run `npm start` (it builds, then serves), or `npm run build` first',
    );
  }
  try {
    const site = await serveBuild({ dir: buildDir, host: values.host, port });
    console.log(`Serving build/ at ${site.url}/ (compressed, as a host serves it). Ctrl-C stops.`);
  } catch (error) {
    if (error instanceof PortTakenError) {
      fail(
        `${error.message}: another program listens there`,
        `stop that program, or choose another port: npm run serve -- --port ${port + 1}`,
      );
    }
    throw error;
  }
}

void main();
