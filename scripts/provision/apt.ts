/** Installs Debian packages that are missing, running `apt-get update` at most once per process. */
import { $ } from 'zx';
import { SetupError } from '../user-error';
import { detail, longRun } from './progress';

let updated = false;

async function isInstalled(pkg: string): Promise<boolean> {
  const status = await $({ nothrow: true, quiet: true })`dpkg-query -W -f=${'${Status}'} ${pkg}`;
  return status.exitCode === 0 && status.stdout.includes('install ok installed');
}

export async function ensureDebPackages(packages: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const pkg of packages) if (!(await isInstalled(pkg))) missing.push(pkg);
  if (missing.length === 0) {
    detail(`already installed: ${packages.join(', ')}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `Debian packages missing: ${missing.join(', ')}, and setup is not running as root`,
      `run it as root, or install them yourself: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  if ((await $({ nothrow: true, quiet: true })`command -v apt-get`).exitCode !== 0) {
    throw new SetupError(
      `Debian packages missing: ${missing.join(', ')}, and this machine has no apt-get`,
      'this setup targets Debian 12 (bookworm); install the equivalent packages with your package manager',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const hint =
    'check that this machine reaches its Debian mirror (cat /etc/apt/sources.list*), then run setup again';
  if (!updated) {
    await longRun('apt-get update', hint, () => $({ env, quiet: true })`apt-get update -q`);
    updated = true;
  }
  await longRun(
    `apt-get install ${missing.join(' ')}`,
    hint,
    () => $({ env, quiet: true })`apt-get install -y -q --no-install-recommends ${missing}`,
  );
}
