/**
 * `npm run setup`: everything the guide's commands and the tests need, on a fresh Debian 12
 * machine with no container registry: a Docker daemon, compose v2, Chromium for the browser test, and the
 * local profile's images. Idempotent: with everything present it only checks, in seconds.
 */
import { parseCli } from '../cli/args';
import { resolveProfile } from '../stack/profiles';
import { ensureBrowser } from './browser';
import { ensureComposePlugin } from './compose-plugin';
import { ensureDockerEngine } from './docker-engine';
import { ferretdbRecipe } from './ferretdb-image';
import { ensureImage } from './images';
import { postgresRecipe } from './postgres-image';
import { detail, reportFailure, seconds, step } from './progress';
import { checkProfiles } from './profile-check';
import { handleInterrupts, interrupted } from '../cli/on-interrupt';
import { pins } from '../stack/versions';

async function main(): Promise<void> {
  // Ctrl-C or SIGTERM: stop the tool running (apt-get, go build, docker build…) and remove the
  // partial build (scripts/provision/images.ts); a second setup then starts from clean.
  handleInterrupts();
  const started = performance.now();
  // The profile the tests will run: setup builds its images only if they are built here.
  const profile = await step('Profiles: one version set', async () => {
    checkProfiles();
    return resolveProfile('tests');
  });
  await step('Docker daemon', ensureDockerEngine);
  await step('docker compose plugin', ensureComposePlugin);
  await step('Chromium for the browser test', ensureBrowser);
  if (profile.imagesFrom === 'registry') {
    detail(
      `GUIDE_PROFILE=${profile.name}: the guide pulls that profile's images; the local ones are not built`,
    );
  } else {
    await step('PostgreSQL image (local profile)', () => ensureImage(postgresRecipe()));
    await step('FerretDB image (local profile)', () => ensureImage(ferretdbRecipe()));
    // The older pair the upgrade page starts from, built the same way from its own pins.
    const from = pins.upgradeFrom;
    await step(`PostgreSQL image with DocumentDB ${from.documentdb.version} (upgrade page)`, () =>
      ensureImage(postgresRecipe(from)),
    );
    await step(`FerretDB ${from.ferretdbVersion.slice(1)} image (upgrade page)`, () =>
      ensureImage(ferretdbRecipe(from)),
    );
  }
  console.log(`setup complete in ${seconds(started)}`);
}

// Read before anything is provisioned: --help, or an argument setup does not take, only answers.
parseCli({
  usage: `usage: npm run setup

Provisions what the guide's commands and the tests need: a Docker daemon (started if none
answers), compose v2, Chromium, and the local profile's images (none with GUIDE_PROFILE=official).
Idempotent: with everything present it only checks.
  -h, --help  print this and exit`,
  options: {},
});

main().catch((error: unknown) => {
  // Stopped by Ctrl-C: the tool's failure is the interruption's; the handler cleans up and exits.
  if (interrupted()) return;
  reportFailure(error);
  process.exitCode = 1;
});
