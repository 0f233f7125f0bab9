/**
 * Recorded outputs: for each step, the commands as run and the console session (stepFiles'
 * `commands` and `console`, examples/recorded/<guide>/<step>.sh and .txt), which the pages show.
 * One set serves both profiles: they run one version set, and what legitimately differs between
 * their builds (PostgreSQL's minor version and packaging, image names) is redacted by the matcher,
 * so either profile's run is compared with the same files. A test run compares a fresh run with
 * them; `npm run record` (GUIDE_RECORD=1) overwrites them instead, and writes beside them what
 * they were verified against (VerificationRecorder).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { ELLIPSIS, matchOutput, wildcardLines } from '../outputs/match-output';
import { loadProfile, profileImages } from '../stack/profiles';
import type { StepRun } from './run-step';
import { measureStack, RunMeasurement, type StackVersions } from './stack-versions';
import { examplesDir, repoRoot, stepFiles, stepId, stepPath, type Step } from './steps';
import { commandsText, consoleText } from './transcript';
import { MEASURED, utcDay, writeVerified } from './verified';

export const recordMode = process.env.GUIDE_RECORD === '1';
/**
 * `npm run record -- <guide>/<step>`: the one step whose files record mode may write; the steps
 * before it run for the state it starts from, and are neither compared nor written.
 */
const recordOnly = process.env.GUIDE_RECORD_ONLY || undefined;

/** Whether record mode writes what a whole guide's run measures (no step named). */
export function recordsMeasurements(record = recordMode): boolean {
  return record && recordOnly === undefined;
}

/** Whether record mode writes this step's files. */
export function recordsStep(step: Step, record = recordMode): boolean {
  return record && (recordOnly === undefined || recordOnly === stepId(step));
}

export interface Verdict {
  ok: boolean;
  /** Unified diffs against the recording, for a human; empty when ok. */
  diff: string;
}

/**
 * Compares a run with its recording, or writes the recording in record mode. Record mode throws,
 * and writes nothing, when the console text has a line the matcher would read as a wildcard: the
 * recording would then accept output that never ran.
 */
export function checkRecording(run: StepRun, examples = examplesDir, record = recordMode): Verdict {
  const files = stepFiles(run.step, examples);
  const fresh = { commands: commandsText(run.commands), console: consoleText(run.commands) };
  if (record) {
    const wildcards = wildcardLines(fresh.console);
    if (wildcards.length > 0) {
      const file = path.relative(repoRoot, files.console);
      throw new Error(
        [
          `error: the console text of step ${stepId(run.step)} has ${wildcards.length === 1 ? 'a line' : `${wildcards.length} lines`} with ${ELLIPSIS}, which a recording reads as a wildcard (it would match any text), so nothing was recorded:`,
          ...wildcards.map((w) => `  ${file}:${w.line}: ${w.text}`),
          `  what to do: change ${stepPath(run.step)} so that its commands and their output have no ${ELLIPSIS} (filter or reformat that output), then run npm run record again`,
        ].join('\n'),
      );
    }
    // Overwrite mode rewrites only what no longer matches, as snapshot tools do: a run whose
    // output differs from the recording only in what the matcher redacts leaves the files alone.
    const unchanged =
      existsSync(files.commands) &&
      existsSync(files.console) &&
      readFileSync(files.commands, 'utf8') === fresh.commands &&
      matchOutput(readFileSync(files.console, 'utf8'), fresh.console, { images: profileImages() })
        .ok;
    if (unchanged) return { ok: true, diff: '' };
    mkdirSync(path.dirname(files.commands), { recursive: true });
    writeFileSync(files.commands, fresh.commands);
    writeFileSync(files.console, fresh.console);
    return { ok: true, diff: '' };
  }
  const missing = [files.commands, files.console].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return {
      ok: false,
      diff: `error: step ${stepId(run.step)} has no recording: ${missing.join(', ')}\n  what to do: record it with npm run record, review the diff and commit it`,
    };
  }
  const diffs: string[] = [];
  // Commands are compared to the letter: the docs promise the reader exactly what ran.
  const recordedCommands = readFileSync(files.commands, 'utf8');
  if (recordedCommands !== fresh.commands) {
    diffs.push(
      createTwoFilesPatch(
        path.basename(files.commands),
        'this run',
        recordedCommands,
        fresh.commands,
      ),
    );
  }
  const output = matchOutput(
    readFileSync(files.console, 'utf8'),
    fresh.console,
    {},
    {
      recorded: path.relative(repoRoot, files.console),
      actual: 'this run',
    },
  );
  if (!output.ok) diffs.push(output.diff);
  return { ok: diffs.length === 0, diff: diffs.join('\n') };
}

/**
 * Writes, in record mode, what each recorded step was verified against (stepFiles' `verified`,
 * scripts/guide/verified.ts): the day, the profile and its images, and the versions the run's
 * stack reported. The versions are measured once per run (RunMeasurement), after a step has run,
 * so a step recorded before a part of the stack started (the replication guide starts FerretDB at
 * step 9) has its file written again once a later step has started it. Compare mode writes nothing.
 */
export class VerificationRecorder {
  /** The steps this run recorded, by id, with the day each was recorded. */
  private readonly recorded = new Map<string, { run: StepRun; date: string }>();

  constructor(
    private readonly measurement = new RunMeasurement(),
    private readonly examples = examplesDir,
    private readonly record = recordMode,
  ) {}

  /** Set by a guide whose steps change the stack's versions (the upgrade page): see followVersions. */
  private following?: { measure: typeof measureStack; last: Partial<StackVersions> };

  /**
   * For a guide whose steps replace the images: each step states the versions the stack reported
   * right after it (the primary's PostgreSQL and DocumentDB, else the replica's; the primary's
   * FerretDB, else the read-only one's), and a step after which a part no longer answers (the
   * clean-up) keeps the previous step's.
   */
  followVersions(measure: typeof measureStack = measureStack): void {
    this.following = { measure, last: {} };
  }

  async add(run: StepRun, now = new Date()): Promise<void> {
    if (!this.record) return;
    if (this.following) {
      const versions = { ...this.following.last, ...(await this.following.measure()) };
      this.following.last = versions;
      writeVerified(stepFiles(run.step, this.examples).verified, {
        source: MEASURED,
        date: utcDay(now),
        profile: run.profile,
        images: loadProfile(run.profile).env,
        versions,
      });
      return;
    }
    this.recorded.set(stepId(run.step), { run, date: utcDay(now) });
    const versions = await this.measurement.update();
    for (const { run: recorded, date } of this.recorded.values()) {
      writeVerified(stepFiles(recorded.step, this.examples).verified, {
        source: MEASURED,
        date,
        profile: recorded.profile,
        images: loadProfile(recorded.profile).env,
        versions,
      });
    }
  }
}

/**
 * This process's recorder. vitest runs each test file in a process of its own, and each guide's
 * steps in one file: a run here is one guide's, on the one stack it starts.
 */
export const verificationRecorder = new VerificationRecorder();
