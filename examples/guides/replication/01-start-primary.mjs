#!/usr/bin/env zx
// Generate the guide's two passwords into .env, load them into the shell, and start the primary.
// Safe to run twice: an existing .env is kept (the data volumes hold its passwords), and compose
// leaves a running service alone.
import { $ } from 'zx';
import { assertPortsFree, preflight } from '../../lib/guide.mjs';
import { envFileMarker, loadEnvFile } from '../../lib/password.mjs';

await preflight();
await assertPortsFree();

// :snippet-start: commands
await $`[ -e .env ] || (
  set -o noclobber && umask 077 &&
  printf '%s\\nPOSTGRES_PASSWORD=%s\\nREPLICATION_PASSWORD=%s\\n' ${envFileMarker} "$(openssl rand -hex 24)" "$(openssl rand -hex 24)" > .env
)`;
await $`set -a && . ./.env && set +a`;
// Each command of a script runs in a shell of its own: this does what the line above does in yours.
loadEnvFile();
await $`docker compose --progress quiet up -d --wait postgres_primary`;
// :snippet-end:
