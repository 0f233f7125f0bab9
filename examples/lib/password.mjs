// The PostgreSQL password of the guide's role `user`, for everything on the host that connects with
// it: the step scripts (mongoUri), the tests' driver client, npm run guide and the harness's clean-up.
// compose.yaml reads it from POSTGRES_PASSWORD, which the hardening guide moves into examples/.env.
// No side effects on import: the tests and scripts/ import this file too.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** examples/.env: compose reads it from the project directory, the folder of compose.yaml. */
export const envFile = fileURLToPath(new URL('../.env', import.meta.url));

/** The first line of an examples/.env that the hardening guide wrote; the tests remove only such a file. */
export const envFileMarker =
  '# Written by the hardening guide (docs/hardening.mdx); its clean-up step removes this file.';

/** compose.yaml's fallback while no POSTGRES_PASSWORD is set: the one the replication guide shows. */
export const defaultPassword = 'password';

/** @returns {'none' | 'guide' | 'foreign'} who wrote examples/.env: nobody, the hardening guide, or someone else. */
export function envFileOwner() {
  const text = readIfPresent();
  if (text === undefined) return 'none';
  return text.split('\n', 1)[0] === envFileMarker ? 'guide' : 'foreign';
}

function readIfPresent() {
  try {
    return readFileSync(envFile, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The password compose gives the containers, with compose's precedence: POSTGRES_PASSWORD from the
 * environment, else from examples/.env, else the fallback of compose.yaml.
 * @returns {string}
 */
export function postgresPassword() {
  if (process.env.POSTGRES_PASSWORD) return process.env.POSTGRES_PASSWORD;
  for (const line of readIfPresent()?.split('\n') ?? []) {
    const match = /^\s*POSTGRES_PASSWORD=(.*)$/.exec(line);
    if (match) return match[1].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return defaultPassword;
}

/** Removes examples/.env if the hardening guide wrote it; a file of anyone else's stays. */
export function removeGuideEnvFile() {
  if (envFileOwner() === 'guide') rmSync(envFile, { force: true });
}

/**
 * Why a run of the whole guide cannot start, or undefined: a foreign examples/.env would change
 * what compose starts (its passwords, its images) and the outputs with it.
 * @returns {{ message: string, hint: string } | undefined}
 */
export function foreignEnvFileProblem() {
  if (envFileOwner() !== 'foreign') return undefined;
  return {
    message: `${envFile} exists, and the hardening guide did not write it`,
    hint: `compose would read it into the guide's stack: move it out of the way (mv ${envFile} ${envFile}.mine) and back when you are done`,
  };
}
