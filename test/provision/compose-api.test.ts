/**
 * The compose plugin we build talks to Debian's daemon, whose API is 1.41: compose's client must
 * negotiate down to it. A one-service project goes up, is listed, and comes down.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../lib/compose-project';
import { pins } from '../../scripts/provision/versions';

const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-api-test-'));
const project = `compose-api-test-${process.pid}`;

describe('docker compose against the daemon', () => {
  afterAll(async () => {
    await $({
      cwd: dir,
      quiet: true,
      nothrow: true,
    })`docker compose -p ${project} down --volumes --timeout 1`;
    rmSync(dir, { recursive: true, force: true });
  });

  // Elsewhere (a GitHub runner) the compose that is installed is used as it is.
  it.skipIf(process.env.GUIDE_PROFILE === 'official')(
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
    console.log(`daemon API ${server}`);
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      `services:\n  probe:\n    image: ${loadProfile().env.POSTGRES_IMAGE}\n    entrypoint: ['sleep', 'infinity']\n`,
    );
    const up = await $({
      cwd: dir,
      quiet: true,
      nothrow: true,
    })`docker compose -p ${project} up -d`;
    expect(up.exitCode, up.stderr).toBe(0);
    const ps = await $({
      cwd: dir,
      quiet: true,
    })`docker compose -p ${project} ps --format {{.Service}}:{{.State}}`;
    expect(ps.stdout.trim()).toBe('probe:running');
    const down = await $({
      cwd: dir,
      quiet: true,
      nothrow: true,
    })`docker compose -p ${project} down --timeout 1`;
    expect(down.exitCode, down.stderr).toBe(0);
  });
});
