/**
 * `docker compose` v2 as the Docker CLI plugin, built from its Go module at a pinned version.
 * A compose the user installed elsewhere is left alone and used.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { buildGoModule } from './go-module-build';
import { detail } from './progress';
import { binDir } from './paths';
import { pins } from '../stack/versions';

/** Where the Docker CLI looks for plugins: system-wide for root, per user otherwise. */
export function pluginPath(): string {
  return process.getuid?.() === 0
    ? '/usr/local/lib/docker/cli-plugins/docker-compose'
    : path.join(os.homedir(), '.docker', 'cli-plugins', 'docker-compose');
}

async function composeVersion(): Promise<string | null> {
  const probe = await $({ nothrow: true, quiet: true })`docker compose version --short`;
  return probe.exitCode === 0 ? probe.stdout.trim().replace(/^v/, '') : null;
}

export async function ensureComposePlugin(): Promise<string> {
  const wanted = pins.composeVersion.replace(/^v/, '');
  const found = await composeVersion();
  const target = pluginPath();
  if (found === wanted) {
    detail(`docker compose ${found} is installed`);
    return found;
  }
  if (found && found.startsWith('2.') && !existsSync(target)) {
    detail(
      `docker compose ${found} is installed (not ours, left alone; the guide is tested with ${wanted})`,
    );
    return found;
  }
  const binary = path.join(binDir, `docker-compose-${pins.composeVersion}`);
  if (!existsSync(binary)) {
    await buildGoModule({
      module: pins.composeModule,
      version: pins.composeVersion,
      pkg: './cmd',
      output: binary,
      ldflags: `-s -w -X ${pins.composeModule}/internal.Version=${pins.composeVersion}`,
    });
  }
  await $`mkdir -p ${path.dirname(target)} && install -m 755 ${binary} ${target}`;
  const installed = await composeVersion();
  if (installed !== wanted)
    throw new Error(`installed compose reports ${installed}, expected ${wanted}`);
  detail(`docker compose ${installed} installed at ${target}`);
  return installed;
}
