import { configDefaults, defineConfig } from 'vitest/config';

// The test lanes. Where a test file lives says what it needs:
//
//   docker   test/guide/, test/provision/   a Docker daemon and the images npm run setup builds
//   browser  test/browser/                  Chromium, and a build of the site
//   fast     any other folder of test/      neither: `npm run test:fast` runs these (and tsc)
//
// Each lane is a vitest project made from these folders, so every test file is in exactly one lane
// with no list to keep up; test/layout/lanes.test.ts asks vitest which files each lane holds, and
// fails when a fast test imports what only the other lanes may use. The fast lane's DOCKER_HOST
// names a socket that does not exist: a fast test that reaches for Docker fails there, on every
// machine, rather than passing wherever a daemon happens to run.
const docker = ['test/guide/**/*.test.ts', 'test/provision/**/*.test.ts'];
const browser = ['test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    // The guide's containers use fixed names and host ports, the site builds into one build/, and
    // the machine has two cores: test files run one at a time (the fast lane aside, below, which
    // runs first), in a forked process so Ctrl-C reaches the harness's cleanup.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Which images the tests run (local, unless GUIDE_PROFILE says otherwise) is decided by
    // scripts/guide/profiles.ts, for the tests as for every command.
    env: { TESTCONTAINERS_RYUK_DISABLED: 'true' },
    // A record run of whole guides also writes what each guide test did, for the list of claims.
    reporters:
      process.env.GUIDE_RECORD === '1'
        ? ['default', './scripts/claims/results-reporter.ts']
        : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          // Two files at a time: nothing here holds a container name or a port, and the tests
          // that share build/ take turns (test/site/build-lock.ts).
          fileParallelism: true,
          maxWorkers: 2,
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...docker, ...browser],
          env: { DOCKER_HOST: 'unix:///nonexistent/the-fast-lane-has-no-docker.sock' },
        },
      },
      {
        extends: true,
        test: {
          name: 'docker',
          include: docker,
          // The daemon must answer, and the profile and examples/.env be sound, before any of these.
          globalSetup: ['test/lib/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'browser', include: browser } },
    ],
  },
});
