/**
 * A step's Shell tab (its recorded .sh) cut into the commands its Output (.txt) shows behind a
 * `$ ` prompt. A command may span lines (`lsn=$(…)` then a psql that reads `$lsn`), and the .sh
 * alone does not say where one ends, but the Output does: each command's first line follows a
 * `$ `, its other lines follow as they are, then its output. Both files are made by consoleText
 * and commandsText (transcript.ts) from one run, so the cut is exact; a pair of files that does
 * not fit together is an error that names them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ShownCommand {
  /** The command as the Shell tab shows it: one or more whole lines of the .sh. */
  cmd: string;
  /** What the Output shows after it: its output, and an exit status line when it did not exit 0. */
  output: string;
  /** The exit code the Output shows: 0 without a status line, null for `[no exit status]`. */
  exitCode: number | null;
}

const PROMPT = '$ ';
const STATUS = /^\[(?:exit status (\d+)|no exit status)\]$/;

/** The Shell tab and Output of a step, cut into commands (see the file's comment). */
export function shownCommands(shellFile: string, outputFile: string): ShownCommand[] {
  return cutShown(readFileSync(shellFile, 'utf8'), readFileSync(outputFile, 'utf8'), {
    shell: shellFile,
    output: outputFile,
  });
}

function cutShown(
  shell: string,
  output: string,
  names: { shell: string; output: string } = { shell: 'the Shell tab', output: 'the Output' },
): ShownCommand[] {
  const shellLines = shell.split('\n');
  if (shellLines.at(-1) === '') shellLines.pop();
  const outputLines = output.split('\n');
  if (outputLines.at(-1) === '') outputLines.pop();
  const where = (line: number): string => `${path.basename(names.output)}:${line + 1}`;

  const commands: ShownCommand[] = [];
  let s = 0;
  let o = 0;
  while (s < shellLines.length) {
    if (outputLines[o] !== PROMPT + shellLines[s])
      throw new Error(
        `error: ${where(o)} should show "${PROMPT}${shellLines[s]}", line ${s + 1} of ${path.basename(names.shell)}\n  what to do: record the step again (npm run record -- <guide>/<step>); the two files come from one run`,
      );
    // The command's further lines, as long as the Output repeats the Shell tab's: its output
    // starts where they part.
    let lines = 1;
    while (s + lines < shellLines.length && outputLines[o + lines] === shellLines[s + lines])
      lines += 1;
    const cmd = shellLines.slice(s, s + lines).join('\n');
    s += lines;
    o += lines;
    const next = s < shellLines.length ? PROMPT + shellLines[s] : undefined;
    const body: string[] = [];
    while (o < outputLines.length && outputLines[o] !== next) body.push(outputLines[o++]!);
    let exitCode: number | null = 0;
    const status = STATUS.exec(body.at(-1) ?? '');
    if (status) {
      body.pop();
      exitCode = status[1] === undefined ? null : Number(status[1]);
    }
    commands.push({ cmd, output: body.length > 0 ? `${body.join('\n')}\n` : '', exitCode });
  }
  if (o < outputLines.length)
    throw new Error(
      `error: ${where(o)} follows the last command of ${path.basename(names.shell)} but is not its output\n  what to do: record the step again; the two files come from one run`,
    );
  return commands;
}
