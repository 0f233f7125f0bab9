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
    // Which images the tests run (local, unless GUIDE_PROFILE says otherwise) is decided by
    // scripts/guide/profiles.ts, for the tests as for every command.
    env: { TESTCONTAINERS_RYUK_DISABLED: 'true' },
    reporters: ['default'],
  },
});
