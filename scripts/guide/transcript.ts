/**
 * What a step printed, as examples/lib/guide.mjs writes it when GUIDE_TRANSCRIPT is set (one JSON
 * object a line: each command, its output chunks in arrival order, its exit code), turned into the
 * two texts the docs show: the commands to paste, and the console session with their output.
 */
import { readFileSync } from 'node:fs';

interface Entry {
  kind: 'cmd' | 'stdout' | 'stderr' | 'end';
  id: string;
  cmd?: string;
  data?: string;
  exitCode?: number | null;
}

export interface Command {
  cmd: string;
  /** stdout and stderr interleaved as they arrived, as a terminal shows them. */
  output: string;
  exitCode: number | null;
}

export function readTranscript(file: string): Command[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return []; // the step ran no command
  }
  const commands = new Map<string, Command>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as Entry;
    if (entry.kind === 'cmd') {
      commands.set(entry.id, { cmd: entry.cmd ?? '', output: '', exitCode: null });
      continue;
    }
    const command = commands.get(entry.id);
    if (!command) continue;
    if (entry.kind === 'end') command.exitCode = entry.exitCode ?? null;
    else command.output += entry.data ?? '';
  }
  return [...commands.values()];
}

/** The commands, one after the other, as a reader pastes them. */
export function commandsText(commands: readonly Command[]): string {
  return commands.map((c) => `${c.cmd}\n`).join('');
}

/**
 * The line that follows the output of a command that did not exit 0: `[exit status 1]`, or
 * `[no exit status]` when it had none (killed by a signal, or it never ended). A terminal does not
 * print it, but the page needs it: a refused command shows what refused it, and the comparison
 * with a recording then fails when a command starts failing with the same output, or a refused
 * command starts succeeding with an empty one.
 */
export function exitStatusLine(exitCode: number | null): string | null {
  if (exitCode === 0) return null;
  return exitCode === null ? '[no exit status]' : `[exit status ${exitCode}]`;
}

/**
 * A console session: each command behind a `$ ` prompt, then what it printed, then its exit
 * status line when it did not exit 0 (see exitStatusLine). Trailing blank lines (psql ends every
 * table with one) are dropped: the page's code block does not show them either.
 */
export function consoleText(commands: readonly Command[]): string {
  const session = commands
    .map((c) => {
      const output = c.output === '' || c.output.endsWith('\n') ? c.output : `${c.output}\n`;
      const status = exitStatusLine(c.exitCode);
      return `$ ${c.cmd}\n${output}${status === null ? '' : `${status}\n`}`;
    })
    .join('');
  return `${session.trimEnd()}\n`;
}
