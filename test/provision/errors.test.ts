/**
 * Bad input gets a sentence that says what to do, fast, and destroys nothing: no daemon, a host
 * port taken by another program, a missing image, the official profile on a machine that cannot
 * reach its registry, and an examples/.env that is not the guide's. (An unknown profile needs no
 * Docker: test/profiles/resolve.test.ts.)
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { $ } from 'zx';
import { afterEach, describe, expect, it } from 'vitest';
import { envFile, envFileMarker } from '../../examples/lib/password.mjs';
import { loadProfile, stepEnv } from '../../scripts/stack/profiles';
import { listSteps, repoRoot } from '../../scripts/guide/steps';
import { leftovers, tearDownProject, testProfile } from '../lib/compose-project';

const bin = path.join(repoRoot, 'node_modules', '.bin');
const firstStep = listSteps()[0]!.file;

function run(command: string[], env: Record<string, string>) {
  return $({
    cwd: repoRoot,
    nothrow: true,
    quiet: true,
    timeout: '150s',
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      NO_COLOR: '1',
      ...env,
    },
  })`${command}`;
}

/** What npm run guide and the tests hand a step script for the profile of that name. */
const imagesOf = (profile: string) => stepEnv(loadProfile(profile));

const startPrimary = (env: Record<string, string>) =>
  run(['zx', firstStep], { ...imagesOf('local'), ...env });

describe.skipIf(testProfile.imagesFrom !== 'setup')('clear errors (local profile)', () => {
  let squatter: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (squatter ? squatter.close(() => resolve()) : resolve()));
    squatter = undefined;
    await tearDownProject();
  });

  it('setup: a DOCKER_HOST that does not answer is named, and setup does not start a daemon over it', async () => {
    const result = await run(['tsx', 'scripts/provision/setup.ts'], {
      DOCKER_HOST: 'unix:///tmp/no-such-docker.sock',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'no Docker daemon answers at DOCKER_HOST=unix:///tmp/no-such-docker.sock',
    );
    expect(result.stderr).toContain('what to do:');
  });

  it('guide: no daemon', async () => {
    const result = await startPrimary({ DOCKER_HOST: 'unix:///tmp/no-such-docker.sock' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: no Docker daemon answers');
    expect(result.stderr).toContain('npm run setup starts one');
  });

  it('guide: a host port the compose file publishes is taken by another program', async () => {
    squatter = createServer();
    await new Promise<void>((resolve) => squatter!.listen(27018, '0.0.0.0', resolve));
    const result = await startPrimary({});
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'host port 27018 (for ferretdb_readonly) is already taken by another program',
    );
    expect(await leftovers()).toEqual([]); // it stopped before creating anything
  });

  it('guide: a missing image of the local profile points at npm run setup', async () => {
    const result = await startPrimary({ POSTGRES_IMAGE: 'ferretdb-guide/postgres:no-such-tag' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('image ferretdb-guide/postgres:no-such-tag is missing');
    expect(result.stderr).toContain('run npm run setup');
  });

  it('guide: the official profile without registry access says what to do instead of hanging', async (ctx) => {
    const reachable = await $({
      nothrow: true,
      quiet: true,
      timeout: '30s',
    })`docker pull ghcr.io/ferretdb/ferretdb:2.3.1`;
    // Shown as skipped, not passed: on a machine that reaches the registry this error cannot happen.
    ctx.skip(
      reachable.exitCode === 0,
      'this machine reaches ghcr.io, so the official profile pulls instead of failing',
    );
    const started = performance.now();
    const result = await startPrimary(imagesOf('official'));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/cannot pull ghcr\.io\/ferretdb\//);
    expect(result.stderr).toContain('GUIDE_PROFILE=local');
    expect(performance.now() - started).toBeLessThan(140_000);
    expect(await leftovers()).toEqual([]);
  });

  describe('examples/.env', () => {
    /** Writes examples/.env for one test, never over an existing file, and removes only that one. */
    async function withEnvFile(content: string, body: () => Promise<void>): Promise<void> {
      writeFileSync(envFile, content, { flag: 'wx', mode: 0o600 });
      try {
        await body();
      } finally {
        if (existsSync(envFile) && readFileSync(envFile, 'utf8') === content) rmSync(envFile);
      }
    }
    const guide = (...args: string[]) =>
      run(['tsx', 'scripts/guide/run-guide.ts', '--profile', 'local', ...args], {});

    it('one the guide did not write stops npm run guide and the tests before anything starts, and stays as it was', async () => {
      const mine = '# my own settings\nPOSTGRES_PASSWORD=mine\n';
      await withEnvFile(mine, async () => {
        const what = `${envFile} exists, and the replication guide did not write it`;
        const hint = `what to do: compose would read it into the guide's stack: move it out of the way (mv ${envFile} ${envFile}.mine)`;
        const result = await guide();
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain(`error: ${what}`);
        expect(result.stderr).toContain(hint);
        // A file of the Docker lane, whose global setup checks examples/.env before any test runs
        // (the fast lane uses no compose, so it does not look).
        const tests = await run(['vitest', 'run', 'test/provision/compose-api.test.ts'], {});
        expect(tests.exitCode).toBe(1);
        expect(tests.stdout + tests.stderr).toContain(what);
        expect(tests.stdout + tests.stderr).toContain(hint);
        expect(await leftovers()).toEqual([]);
        // Neither the harness's teardown nor a page's clean-up step removes it.
        await tearDownProject();
        const cleanUp = listSteps('hardening').at(-1)!;
        expect(cleanUp.id).toMatch(/clean-up$/);
        expect((await run(['zx', cleanUp.file], imagesOf('local'))).exitCode).toBe(0);
        expect(readFileSync(envFile, 'utf8')).toBe(mine);
      });
    });

    it("the guide's own, left by a run that was stopped, is removed by npm run guide -- --teardown", async () => {
      await withEnvFile(`${envFileMarker}\nPOSTGRES_PASSWORD=0123abcd\n`, async () => {
        expect((await guide('--teardown')).exitCode).toBe(0);
        expect(existsSync(envFile)).toBe(false);
      });
    });
  });
});
