import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The guide's containers use fixed names and host ports, and the machine has two cores:
    // test files run one at a time, in a forked process so Ctrl-C reaches the harness's cleanup.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Tests that need the daemon and images fail with a clear message when setup has not run.
    globalSetup: ['test/lib/global-setup.ts'],
    env: {
      // CI here has no registry: the locally built images. Export GUIDE_PROFILE=official to test FerretDB's.
      GUIDE_PROFILE: process.env.GUIDE_PROFILE ?? 'local',
      TESTCONTAINERS_RYUK_DISABLED: 'true',
    },
    reporters: ['default'],
  },
});
