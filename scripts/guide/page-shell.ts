/**
 * One bash for a page, as a reader has one terminal: each step's Shell tab (its recorded .sh) is
 * run in it exactly as the page shows it, command after command with no pause, and the shell
 * keeps what a terminal keeps between them (variables, background jobs, the folder). What each
 * command printed is cut out of the shell's output by a marker printed after it, so a step's run
 * is the same transcript the zx script gives (transcript.ts), and is compared with the same
 * recording by the same matcher.
 *
 * Like a terminal, the shell has neither `set -e` nor `pipefail`: a command that fails shows its
 * exit status and the next one runs. Each command's standard input is /dev/null, where a terminal
 * has its keyboard: `docker compose run` would otherwise read the commands that follow it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

import { loadProfile, stepEnv } from '../stack/profiles';
import type { StepRun } from './run-step';
import { shownCommands } from './shown-commands';
import { examplesDir, repoRoot, stepFiles, stepId, type Step } from './steps';
import type { Command } from './transcript';

/** How long one command may run before the page is called stuck (a wait that never ends). */
const COMMAND_TIMEOUT_MS = 240_000;
const MARK = '\u001e';

export class PageShell {
  private readonly bash: ChildProcess;
  private readonly watcher: ChildProcess;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'page-shell-'));
  private readonly decoder = new StringDecoder('utf8');
  private buffer = '';
  private count = 0;
  private ended: string | undefined;
  private waiting: (() => void) | undefined;

  constructor(readonly profile: string) {
    const bin = path.join(repoRoot, 'node_modules', '.bin');
    this.bash = spawn('bash', ['--noprofile', '--norc'], {
      cwd: examplesDir,
      // Its own process group, so that closing it also ends what it started in the background.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // mongosh as the reader has it, from the repository's npm packages.
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        ...stepEnv(loadProfile(profile)),
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    });
    const take = (chunk: Buffer): void => {
      this.buffer += this.decoder.write(chunk);
      this.waiting?.();
    };
    this.bash.stdout!.on('data', take);
    this.bash.stderr!.on('data', take);
    this.bash.on('exit', (code, signal) => {
      this.ended = `the page's shell ended (${signal ?? `exit ${code}`})`;
      this.waiting?.();
    });
    // stderr into the same pipe as stdout, so that the two keep the order they were written in.
    this.bash.stdin!.write('exec 2>&1\n');
    // A test process that is killed runs no clean-up of its own: a watcher outside the shell ends
    // the shell's process group once this process is gone, so that no wait loop outlives it.
    this.watcher = spawn(
      'sh',
      [
        '-c',
        `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -KILL -${this.bash.pid}`,
      ],
      { detached: true, stdio: 'ignore' },
    );
    this.watcher.unref();
  }

  /** Runs a step's Shell tab, command by command, and returns what each printed. */
  async run(step: Step): Promise<StepRun> {
    const files = stepFiles(step);
    const commands: Command[] = [];
    for (const shown of shownCommands(files.commands, files.console)) {
      commands.push(await this.runCommand(step, shown.cmd));
    }
    return { step, profile: this.profile, exitCode: 0, commands, stderr: '' };
  }

  private async runCommand(step: Step, cmd: string): Promise<Command> {
    if (this.ended) throw new Error(`step ${stepId(step)}: ${this.ended}`);
    const id = String((this.count += 1));
    const file = path.join(this.dir, `${id}.sh`);
    writeFileSync(file, `${cmd}\n`);
    const marker = new RegExp(`${MARK}${id} (\\d+)${MARK}\\n`);
    this.bash.stdin!.write(
      `source ${file} < /dev/null; printf '${MARK}%s %s${MARK}\\n' ${id} "$?"\n`,
    );
    const deadline = Date.now() + COMMAND_TIMEOUT_MS;
    for (;;) {
      const found = marker.exec(this.buffer);
      if (found) {
        const output = this.buffer.slice(0, found.index);
        this.buffer = this.buffer.slice(found.index + found[0].length);
        return { cmd, output, exitCode: Number(found[1]) };
      }
      if (this.ended) throw new Error(`step ${stepId(step)}: ${this.ended} during: ${cmd}`);
      const left = deadline - Date.now();
      if (left <= 0) {
        const partial = this.buffer;
        this.close();
        throw new Error(
          `step ${stepId(step)}: no end after ${COMMAND_TIMEOUT_MS / 1000} s of: ${cmd}\nits output so far:\n${partial}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = undefined;
    }
  }

  /** Ends the shell and everything it started, as closing a terminal does. */
  close(): void {
    // The whole group, even when the shell itself has ended: a job it left in the background too.
    try {
      if (this.bash.pid !== undefined) process.kill(-this.bash.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    this.watcher.kill('SIGKILL');
    this.ended ??= "the page's shell was closed";
    rmSync(this.dir, { recursive: true, force: true });
  }
}
