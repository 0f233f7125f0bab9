// Build the site once and serve build/ the way a reader gets it: the static
// output behind `docusaurus serve`, on 127.0.0.1 and a port nobody else holds.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

import { repoRoot } from './paths';

const docusaurus = path.join(repoRoot, 'node_modules', '.bin', 'docusaurus');

export function buildSite(): void {
  const result = spawnSync(docusaurus, ['build'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `docusaurus build failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the OS'));
      });
    });
  });
}

export interface RunningSite {
  readonly url: string;
  stop(): Promise<void>;
}

export async function serveSite(): Promise<RunningSite> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Its own process group, so stop() ends the server and any child it forks.
  const child: ChildProcess = spawn(
    docusaurus,
    ['serve', '--no-open', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docusaurus serve exited early:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`docusaurus serve did not answer on ${url} within 60 s:\n${output}`);
}
