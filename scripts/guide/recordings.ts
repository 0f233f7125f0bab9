/**
 * Recorded outputs: for each step, examples/recorded/<step>.sh (the commands as run) and
 * examples/recorded/<step>.txt (the console session). The docs import both. A test run compares a
 * fresh run with them; `npm run record` (GUIDE_RECORD=1) overwrites them instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { matchOutput } from '../outputs/match-output';
import { commandsText, consoleText } from './transcript';
import type { StepRun } from './run-step';
import { recordedDir } from './steps';

export const recordMode = process.env.GUIDE_RECORD === '1';

export function recordingPaths(stepId: string, dir = recordedDir): { commands: string; console: string } {
  return { commands: path.join(dir, `${stepId}.sh`), console: path.join(dir, `${stepId}.txt`) };
}

export interface Verdict {
  ok: boolean;
  /** Unified diffs against the recording, for a human; empty when ok. */
  diff: string;
}

/** Compares a run with its recording, or writes the recording in record mode. */
export function checkRecording(run: StepRun, dir = recordedDir, record = recordMode): Verdict {
  const files = recordingPaths(run.step.id, dir);
  const fresh = { commands: commandsText(run.commands), console: consoleText(run.commands) };
  if (record) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(files.commands, fresh.commands);
    writeFileSync(files.console, fresh.console);
    return { ok: true, diff: '' };
  }
  const missing = [files.commands, files.console].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return { ok: false, diff: `no recording: ${missing.join(', ')}\n  record it with: npm run record` };
  }
  const diffs: string[] = [];
  // Commands are compared to the letter: the docs promise the reader exactly what ran.
  const recordedCommands = readFileSync(files.commands, 'utf8');
  if (recordedCommands !== fresh.commands) {
    diffs.push(createTwoFilesPatch(path.basename(files.commands), 'this run', recordedCommands, fresh.commands));
  }
  const output = matchOutput(readFileSync(files.console, 'utf8'), fresh.console);
  if (!output.ok) diffs.push(output.diff);
  return { ok: diffs.length === 0, diff: diffs.join('\n') };
}
