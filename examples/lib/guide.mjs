// Shared by the step scripts: how commands are printed, and checks that turn a missing daemon or
// image into a sentence that says what to do.
//
// Which images run is compose.yaml's to say: POSTGRES_IMAGE and FERRETDB_IMAGE, else FerretDB's
// published images. npm run guide and the tests set both from the profile they run, with
// GUIDE_IMAGES_FROM (scripts/guide/profiles.ts decides all three); a reader who runs a script by
// hand sets none and gets the published images.
import { EventEmitter } from 'node:events';
import { appendFileSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createServer } from 'node:net';
import { $ } from 'zx';
import { envFileOwner, loadEnvFile, passwordNothingStarts } from './password.mjs';

/** The folder holding compose.yaml: every command runs there, as the guide tells the reader to. */
export const examplesDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * A shell variable for a command to expand where it runs, so that a page shows its name and never
 * its value: quoteArg puts an argument holding one in double quotes. A marker, not a bare `$NAME`,
 * because a literal `$` (mongosh's `$match`) must stay single-quoted.
 */
export function shellVariable(name) {
  return `\u{E000}${name}\u{E001}`;
}
const shellVariables = /\u{E000}(\w+)\u{E001}/gu;

/**
 * The MongoDB URI of a FerretDB port, as `user` with the password in a shell variable (by default
 * POSTGRES_PASSWORD, which step 1 of the replication guide generates into .env). FerretDB 2
 * authenticates with SCRAM-SHA-256, which mongosh and the drivers negotiate by themselves, so the
 * URI needs no options; the generated passwords are hexadecimal and need no escaping in it.
 */
export function mongoUri(port, passwordVariable = 'POSTGRES_PASSWORD') {
  return `mongodb://user:${shellVariable(passwordVariable)}@localhost:${port}/`;
}

// What the reader's shell holds since step 1 of the replication guide (`set -a && . ./.env &&
// set +a`), each command a script runs holds too. Only the guide's own file: a foreign .env is
// refused by preflight, and must not override the images the harness chose.
if (envFileOwner() === 'guide') loadEnvFile();

$.cwd = examplesDir;
$.quote = quoteArg;
$.verbose = true;
// Each command runs as a terminal runs it, without zx's `set -euo pipefail`: the Shell tab beside
// the script is pasted into a terminal, and both must print the same.
$.prefix = '';

// The test harness asks for a transcript: every command and its output, in the order they happened.
const transcript = process.env.GUIDE_TRANSCRIPT;
if (transcript) {
  const print = $.log;
  // Only the commands the reader sees (verbose ones): preflight's quiet probes are not part of a step.
  const shown = new Set();
  $.log = (entry) => {
    print(entry);
    if (entry.kind === 'cmd' && entry.verbose) shown.add(entry.id);
    if (!shown.has(entry.id)) return;
    const record = { kind: entry.kind, id: entry.id };
    if (entry.kind === 'cmd') record.cmd = entry.cmd;
    else if (entry.kind === 'stdout' || entry.kind === 'stderr')
      record.data = entry.data.toString('utf8');
    else if (entry.kind === 'end') record.exitCode = entry.exitCode;
    else return;
    appendFileSync(transcript, `${JSON.stringify(record)}\n`);
  };
}

// The zx tab held to the Shell tab (test/outputs/zx-tab.test.ts): with GUIDE_REPLAY naming a JSON
// list of the commands the step's Shell tab shows, with the output and exit code its recording
// shows for each, no command runs. Each command the script issues must be the next one shown, and
// gets that recorded output back, so a script that computes a command from an earlier output
// computes it as it did when it was recorded.
const replay = process.env.GUIDE_REPLAY;
if (replay) {
  const shown = JSON.parse(readFileSync(replay, 'utf8'));
  let next = 0;
  $.verbose = false;
  $.quiet = true;
  $.spawn = (command) => {
    const expected = shown[next];
    if (command !== expected?.cmd) {
      console.error(
        `the script's command ${next + 1} is:\n${command}\nwhere the Shell tab shows:\n${expected?.cmd ?? '(no more commands)'}`,
      );
      process.exit(3);
    }
    next += 1;
    return replayedChild(expected);
  };
  process.on('exit', (code) => {
    if (code !== 0 || next === shown.length) return;
    console.error(`the script ran ${next} of the ${shown.length} commands the Shell tab shows`);
    process.exitCode = 3;
  });
}

/** A finished child process that printed a recorded output, on both streams, and exited with its code. */
function replayedChild({ output, exitCode }) {
  const child = new EventEmitter();
  child.stdin = new PassThrough();
  child.stdout = new PassThrough();
  child.stderr = new PassThrough();
  let open = 2;
  const ended = () => {
    if ((open -= 1) > 0) return;
    child.emit('exit', exitCode, null);
    child.emit('close', exitCode, null);
  };
  child.stdout.on('end', ended);
  child.stderr.on('end', ended);
  setImmediate(() => {
    child.stdout.end(output);
    child.stderr.end(output);
  });
  return child;
}

/**
 * Quotes one interpolated argument so that the printed command pastes into sh, bash or zsh and runs
 * as it ran here: bare when it has only safe characters, else in single quotes, else (when it holds
 * a single quote but nothing double quotes would expand) in double quotes. An argument holding a
 * shellVariable goes in double quotes, with the variable's `$NAME` expanded where it runs. zx's own
 * quoting uses bash's $'…', and shell-quote's backslashes every colon of a URI; both are hard to read.
 */
export function quoteArg(arg) {
  if (arg.includes('\u{E000}')) {
    const rest = arg.replace(shellVariables, '');
    if (/["$`\\!\u{E000}\u{E001}]/u.test(rest))
      throw new Error(`cannot quote ${JSON.stringify(rest)} around a shell variable`);
    return `"${arg.replace(shellVariables, '$$$1')}"`;
  }
  if (arg === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!arg.includes("'")) return `'${arg}'`;
  if (!/["$`\\!]/.test(arg)) return `"${arg}"`;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Stops the script with what went wrong and what to do, without a stack trace. */
export function fail(message, hint) {
  console.error(`error: ${message}\n  what to do: ${hint}`);
  process.exit(2);
}

/** Checks that a Docker daemon answers and that the images compose will run are there or can be had. */
export async function preflight() {
  if (replay) return;
  const quiet = { quiet: true, nothrow: true, verbose: false, timeout: '20s' };
  const daemon = await $(quiet)`docker version --format {{.Server.APIVersion}}`;
  if (daemon.exitCode !== 0) {
    fail(
      'no Docker daemon answers',
      'start Docker (sudo systemctl start docker); in this repository, npm run setup starts one',
    );
  }
  // compose's own answer, so the images checked are the ones it will run, defaults included. The
  // password is step 1's to generate, after this check.
  const config = await $({
    ...quiet,
    env: { POSTGRES_PASSWORD: passwordNothingStarts, ...process.env },
  })`docker compose config --images`;
  if (config.exitCode !== 0) {
    fail(
      `docker compose cannot read compose.yaml: ${config.stderr.trim().split('\n').pop() || 'no output'}`,
      'install the Docker Compose v2 plugin (in this repository, npm run setup builds one), or undo the edit to compose.yaml',
    );
  }
  const images = [...new Set(config.stdout.split('\n').filter(Boolean))];
  // Set by npm run guide and the tests when their profile's images are built here, not published.
  const builtBySetup = process.env.GUIDE_IMAGES_FROM === 'setup';
  for (const image of images) {
    if ((await $(quiet)`docker image inspect ${image}`).exitCode === 0) continue;
    if (builtBySetup)
      fail(
        `image ${image} is missing`,
        "run npm run setup, which builds the local profile's images",
      );
    console.error(`pulling ${image} …`);
    const pull = await $({ ...quiet, timeout: '120s' })`docker pull ${image}`;
    if (pull.exitCode !== 0) {
      fail(
        `cannot pull ${image}: ${pull.stderr.trim().split('\n').pop() || 'timed out'}`,
        'check that this machine reaches ghcr.io, or run the guide on the images built here: npm run setup, then GUIDE_PROFILE=local npm run guide',
      );
    }
  }
}

/** The host ports compose.yaml publishes, and the containers of ours that may already hold them. */
const publishedPorts = {
  5432: 'postgres_primary',
  5433: 'postgres_replica',
  27017: 'ferretdb',
  27018: 'ferretdb_readonly',
};

/** Fails when another program holds a port the compose file publishes; our own containers may. */
export async function assertPortsFree() {
  if (replay) return;
  for (const [port, owner] of Object.entries(publishedPorts)) {
    if (await canListen(Number(port))) continue;
    const holder = await $({
      quiet: true,
      nothrow: true,
      verbose: false,
    })`docker ps --filter publish=${port} --format {{.Names}}`;
    if (holder.stdout.trim() === owner) continue;
    fail(
      `host port ${port} (for ${owner}) is already taken by ${holder.stdout.trim() || 'another program'}`,
      `stop what holds it (ss -ltnp 'sport = :${port}' tells what), or change the left side of '${port}:…' in compose.yaml`,
    );
  }
}

function canListen(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}
