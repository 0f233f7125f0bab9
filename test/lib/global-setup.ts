/**
 * Before any test: the daemon must answer. The README's test command runs `npm run setup` first;
 * this catches `npx vitest` run on its own, with the same words setup would print.
 */
import { $ } from 'zx';

export default async function globalSetup(): Promise<void> {
  const probe = await $({
    nothrow: true,
    quiet: true,
    timeout: '15s',
  })`docker version --format {{.Server.APIVersion}}`;
  if (probe.exitCode !== 0) {
    throw new Error(
      'no Docker daemon answers; run `npm run setup` (it starts one), then the tests again',
    );
  }
}
