/**
 * The compose plugin we build talks to Debian's daemon, whose API is 1.41: compose's client must
 * negotiate down to it. A one-service project goes up, is listed, and comes down.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, describe, expect, it } from 'vitest';
import { testProfile } from '../lib/compose-project';
import { pins } from '../../scripts/stack/versions';

const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-api-test-'));
const project = `compose-api-test-${process.pid}`;

/**
 * Passes compose's requests on to the daemon's socket and notes the API version each one names
 * (`/v1.41/containers/json`): the version compose negotiated, seen from outside compose.
 */
async function apiVersionRecorder(
  socket: string,
): Promise<{ versions: Set<string>; close: () => Promise<void> }> {
  const host = process.env.DOCKER_HOST ?? '';
  const daemon = host.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock';
  const versions = new Set<string>();
  const server = createServer((req, res) => {
    const version = /^\/v(\d+\.\d+)\//.exec(req.url ?? '')?.[1];
    if (version) versions.add(version);
    const upstream = request(
      { socketPath: daemon, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => res.destroy(error));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    versions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** -1, 0 or 1 as API version a is below, at or above b (1.9 < 1.41). */
function compareApi(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return Math.sign(am - bm || an - bn);
}

describe('docker compose against the daemon', () => {
  afterAll(async () => {
    await $({
      cwd: dir,
      quiet: true,
      nothrow: true,
    })`docker compose -p ${project} down --volumes --timeout 1`;
    rmSync(dir, { recursive: true, force: true });
  });

  // Elsewhere (a GitHub runner, on the published images) the compose that is installed is used as it is.
  it.skipIf(testProfile.imagesFrom !== 'setup')(
    `is the pinned v2 plugin (${pins.composeVersion})`,
    async () => {
      const version = await $({ quiet: true })`docker compose version --short`;
      expect(version.stdout.trim().replace(/^v/, '')).toBe(pins.composeVersion.replace(/^v/, ''));
    },
  );

  it('negotiates the API version down to the daemon and runs a project', async () => {
    const server = (
      await $({ quiet: true })`docker version --format {{.Server.APIVersion}}`
    ).stdout.trim();
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      `services:\n  probe:\n    image: ${testProfile.env.POSTGRES_IMAGE}\n    entrypoint: ['sleep', 'infinity']\n`,
    );
    const up = await $({
      cwd: dir,
      quiet: true,
      nothrow: true,
    })`docker compose -p ${project} up -d`;
    expect(up.exitCode, up.stderr).toBe(0);
    // Listed through the recorder: the version compose's requests name is the negotiated one.
    const socket = path.join(dir, 'docker.sock');
    const recorder = await apiVersionRecorder(socket);
    let ps;
    try {
      ps = await $({
        cwd: dir,
        quiet: true,
        env: { ...process.env, DOCKER_HOST: `unix://${socket}` },
      })`docker compose -p ${project} ps --format {{.Service}}:{{.State}}`;
    } finally {
      await recorder.close();
    }
    expect(ps.stdout.trim()).toBe('probe:running');
    // One version for every request, never above the daemon's. The pinned compose's client speaks
    // API 1.51 (its Docker client library, v28.5.1), above the daemon setup installs (Debian's
    // 20.10: 1.41), so there it is the daemon's own: negotiated down. A compose installed elsewhere
    // (the official profile on a GitHub runner) may speak less than its daemon, and keeps its own.
    const negotiated = [...recorder.versions];
    expect(negotiated, `API versions compose used: ${negotiated.join(', ')}`).toHaveLength(1);
    expect(compareApi(negotiated[0]!, server)).toBeLessThanOrEqual(0);
    if (testProfile.imagesFrom === 'setup') expect(negotiated).toEqual([server]);
    const down = await $({
      cwd: dir,
      quiet: true,
      nothrow: true,
    })`docker compose -p ${project} down --volumes --timeout 1`;
    expect(down.exitCode, down.stderr).toBe(0);
  });
});
