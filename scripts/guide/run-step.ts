/** Runs one step script the way a reader does (`npx zx examples/guides/<guide>/<name>.mjs`), with a transcript. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { loadProfile, stepEnv } from '../stack/profiles';
import { readTranscript, type Command } from './transcript';
import { repoRoot, type Step } from './steps';

export interface StepRun {
  step: Step;
  profile: string;
  exitCode: number | null;
  commands: Command[];
  /** Everything the script printed that was not a command's output: its own errors, zx's stack. */
  stderr: string;
}

/** `profile` names the profile the caller resolved (scripts/stack/profiles.ts); the script gets its images. */
export async function runStep(
  step: Step,
  options: { profile: string; echo?: boolean },
): Promise<StepRun> {
  const images = stepEnv(loadProfile(options.profile));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guide-step-'));
  const transcript = path.join(dir, 'transcript.jsonl');
  try {
    const bin = path.join(repoRoot, 'node_modules', '.bin');
    const run = await $({
      cwd: repoRoot,
      nothrow: true,
      quiet: !options.echo,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        ...images,
        GUIDE_TRANSCRIPT: transcript,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    })`zx ${step.file}`;
    return {
      step,
      profile: options.profile,
      exitCode: run.exitCode,
      commands: readTranscript(transcript),
      stderr: run.stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
