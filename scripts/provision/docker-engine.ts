/**
 * Makes sure a Docker daemon answers. A daemon that already runs is used as it is; otherwise
 * Debian's docker.io is installed and dockerd started in the background, detached from setup,
 * so that the tests (and the reader's guide run) that follow find it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { $, sleep } from 'zx';
import { ensureDebPackages } from './apt';
import { detail } from './progress';
import { SetupError } from '../user-error';
import { cacheDir } from './paths';

/** The daemon's API version, or null when no daemon answers within a few seconds. */
export async function daemonApiVersion(
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
  const probe = await $({
    env,
    nothrow: true,
    quiet: true,
    timeout: '10s',
  })`docker version --format ${'{{.Server.APIVersion}}'}`;
  const version = probe.stdout.trim();
  return probe.exitCode === 0 && version !== '' ? version : null;
}

export async function ensureDockerEngine(): Promise<string> {
  const running = await daemonApiVersion();
  if (running) {
    detail(`a Docker daemon answers (API ${running}); using it as it is`);
    return running;
  }
  const host = process.env.DOCKER_HOST;
  if (host && !host.startsWith('unix:///var/run/docker.sock')) {
    throw new SetupError(
      `no Docker daemon answers at DOCKER_HOST=${host}`,
      'start that daemon, or unset DOCKER_HOST to let setup start a local one',
    );
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      'no Docker daemon answers, and setup is not root so it cannot start one',
      'start Docker yourself (for example: sudo systemctl start docker), or run setup as root',
    );
  }
  await ensureDebPackages(['docker.io', 'iptables']);
  const logFile = path.join(cacheDir, 'dockerd.log');
  mkdirSync(cacheDir, { recursive: true });
  detail(`starting dockerd (log: ${logFile})`);
  const out = openSync(logFile, 'a');
  const daemon = spawn('dockerd', [], { detached: true, stdio: ['ignore', out, out] });
  daemon.unref();
  for (let waited = 0; waited < 60; waited += 1) {
    const version = await daemonApiVersion();
    if (version) {
      detail(`dockerd answers (API ${version})`);
      return version;
    }
    if (daemon.exitCode !== null) break;
    await sleep(1000);
  }
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
  throw new SetupError(
    `dockerd did not start; the end of its log:\n${tail}`,
    `read ${logFile}; a daemon needs root, cgroups and iptables (this setup is tested on Debian 12)`,
  );
}
