// The guide's two passwords, which step 1 of the replication guide generates into examples/.env:
// POSTGRES_PASSWORD for the role `user` (PostgreSQL's superuser, and FerretDB's clients) and
// REPLICATION_PASSWORD for the role `replicator`. compose reads the file from the folder of
// compose.yaml; the reader's shell loads it with `set -a && . ./.env && set +a`, and the step
// scripts, the tests' driver clients, npm run guide and the benches read it here. No page shows
// either password: every command names the variable.
// No side effects on import: the tests and scripts/ import this file too.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** examples/.env: compose reads it from the project directory, the folder of compose.yaml. */
export const envFile = fileURLToPath(new URL('../.env', import.meta.url));

/** The first line of the examples/.env the guide writes; clean-ups and the tests remove only such a file. */
export const envFileMarker =
  "# Written by step 1 of the replication guide (docs/replication.mdx); each page's clean-up removes it.";

/** @returns {'none' | 'guide' | 'foreign'} who wrote examples/.env: nobody, the guide, or someone else. */
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
 * The variables examples/.env sets, as `. ./.env` sets them: NAME=value lines, other lines ignored.
 * @returns {Record<string, string>}
 */
export function envFileVariables() {
  const variables = {};
  for (const line of readIfPresent()?.split('\n') ?? []) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) variables[match[1]] = match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return variables;
}

/**
 * What `set -a && . ./.env && set +a` does in the reader's shell, for a step script: each variable
 * of examples/.env exported to the commands the script runs from now on.
 */
export function loadEnvFile() {
  Object.assign(process.env, envFileVariables());
}

/**
 * compose.yaml requires POSTGRES_PASSWORD to be read at all. A command that starts nothing (listing
 * the images before step 1 has made the password, taking a stack down whose .env is gone) gets
 * this one when none is set.
 */
export const passwordNothingStarts = 'unused-by-commands-that-start-nothing';

/**
 * The password compose gives the containers, with compose's precedence: POSTGRES_PASSWORD from the
 * environment, else from examples/.env.
 * @returns {string}
 */
export function postgresPassword() {
  const password = process.env.POSTGRES_PASSWORD || envFileVariables().POSTGRES_PASSWORD;
  if (password) return password;
  throw new Error(
    `no PostgreSQL password: POSTGRES_PASSWORD is not set and ${envFile} does not set it. Run step 1 of the replication guide, which writes that file`,
  );
}

/** Removes examples/.env if the guide wrote it; a file of anyone else's stays. */
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
    message: `${envFile} exists, and the replication guide did not write it`,
    hint: `compose would read it into the guide's stack: move it out of the way (mv ${envFile} ${envFile}.mine) and back when you are done`,
  };
}
