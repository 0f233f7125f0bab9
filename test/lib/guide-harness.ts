/**
 * What every guide's test needs: run a step and compare it with its recording (failing with the
 * step, the command, the diff and the containers' logs), a driver client for FerretDB, the
 * replication guide's setup as a starting point for the other guides, and a teardown.
 */
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postgresPassword } from '../../examples/lib/password.mjs';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { matchOutput } from '../../scripts/outputs/match-output';
import { profileImages } from '../../scripts/stack/profiles';
import { measuredFactProblems, recordFact } from '../../scripts/outputs/measured-facts';
import {
  checkRecording,
  recordMode,
  recordsMeasurements,
  recordsStep,
  verificationRecorder,
} from '../../scripts/guide/recordings';
import { PageShell } from '../../scripts/guide/page-shell';
import { runStep, type StepRun } from '../../scripts/guide/run-step';
import { listSteps, recordedDir, repoRoot, stepFiles, type Step } from '../../scripts/guide/steps';
import { containerLogTails, leftovers, tearDownProject, testProfile } from './compose-project';
import { daemonObjects, newSince, type DaemonObjects } from './daemon-objects';
import { stepCoverage } from './step-coverage';

/** The name of the profile the tests run (compose-project.ts's testProfile). */
export const profile = testProfile.name;

/** A guide's steps by id, failing loudly on a typo. */
export function stepsOf(guide: string): (id: string) => Step {
  const steps = listSteps(guide);
  return (id) => {
    const found = steps.find((s) => s.id === id);
    if (!found) throw new Error(`no step ${id} in examples/guides/${guide}`);
    return found;
  };
}

/** Where a step that no longer matches its recording leaves its report: artifacts/drift/<guide>.txt. */
const driftDir = path.join(repoRoot, 'artifacts', 'drift');

/** The steps each guide's file ran and compared with their recordings, in the order they first ran. */
const compared = new Map<string, Set<string>>();

/**
 * Registers the last test of a guide's file: the steps it actually ran and compared are exactly
 * the scripts in examples/guides/<guide>, in order. A step added to the folder but never run by the
 * file, or a file that stops running one, fails here, without a hand-kept list to update.
 */
export function itComparedEveryStep(guide: string): void {
  it(`ran and compared every script in examples/guides/${guide}, in order`, () => {
    const coverage = stepCoverage(guide, compared.get(guide) ?? []);
    expect(coverage.ran).toEqual(coverage.expected);
    expect(coverage.ok).toBe(true);
  });
}

/** A failure report: the step, its last command, the diff against the recording, the containers' logs. */
async function report(run: StepRun, problem: string): Promise<string> {
  const last = run.commands.at(-1);
  const files = stepFiles(run.step);
  return [
    `step ${run.step.guide}/${run.step.id} (${run.step.title}): ${problem}`,
    `recording: ${path.relative(repoRoot, files.commands)} and ${path.relative(repoRoot, files.console)}; script: ${path.relative(repoRoot, run.step.file)}`,
    `last command: ${last ? last.cmd : '(none ran)'}`,
    last ? `its output:\n${last.output}` : '',
    `script stderr (last lines):\n${run.stderr.split('\n').slice(-15).join('\n')}`,
    `container logs:\n${await containerLogTails()}`,
    `if the change is right, bless it: npm run record -- ${run.step.guide}/${run.step.id}`,
  ].join('\n');
}

/**
 * The page's one shell (scripts/guide/page-shell.ts): every step a test file compares runs in it,
 * its Shell tab exactly as the page shows it, as a reader pastes block after block into one
 * terminal. Started at the file's first step, ended by its teardown (useCleanProject).
 */
let pageShell: PageShell | undefined;

/**
 * Runs a step and compares it with its recording. A test run pastes its Shell tab into the page's
 * shell; `npm run record` runs its zx script instead (the other tab), and the recording it writes
 * is what the Shell tab then shows. test/outputs/zx-tab.test.ts holds each script to the commands
 * of its Shell tab, in order, so the two tabs cannot part.
 */
export async function runAndCompare(step: Step): Promise<StepRun> {
  const run = await runShown(step);
  if (!compared.has(step.guide)) compared.set(step.guide, new Set());
  compared.get(step.guide)!.add(step.id);
  // `npm run record -- <guide>/<step>`: the other steps run only for the state they leave.
  if (recordMode && !recordsStep(step)) return run;
  const verdict = checkRecording(run);
  if (!verdict.ok) {
    const text = await report(run, `output differs from the recording\n${verdict.diff}`);
    // Kept for the nightly run, which files the drift as an issue (scripts/ci/drift-issue.mjs).
    mkdirSync(driftDir, { recursive: true });
    appendFileSync(path.join(driftDir, `${step.guide}.txt`), `${text}\n\n`);
    throw new Error(text);
  }
  await verificationRecorder.add(run);
  return run;
}

/** Runs a step without comparing it (another page's steps, which this page starts from). */
export async function runQuietly(step: Step): Promise<StepRun> {
  const run = await runShown(step);
  const failed = run.commands.find((command) => command.exitCode !== 0);
  if (failed)
    throw new Error(await report(run, `a command exited with ${failed.exitCode}: ${failed.cmd}`));
  return run;
}

async function runShown(step: Step): Promise<StepRun> {
  if (recordMode) {
    const run = await runStep(step, { profile });
    if (run.exitCode !== 0) throw new Error(await report(run, `exited with ${run.exitCode}`));
    return run;
  }
  pageShell ??= new PageShell(profile);
  try {
    return await pageShell.run(step);
  } catch (error) {
    // A wait that never ended, or a shell that died: what the containers said is the clue.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${message}\ncontainer logs:\n${await containerLogTails()}\nif the change is right, bless it: npm run record -- ${step.guide}/${step.id}`,
    );
  }
}

/**
 * The state the replication guide leaves before its clean-up: primary, streaming replica, FerretDB
 * on each, one document. The other guides start from there, as their pages say, and the page's
 * shell runs the replication page's Shell tabs to get there.
 */
export async function prepareReplication(): Promise<void> {
  const steps = listSteps('replication');
  for (const step of steps.slice(0, -1).filter((s) => !s.id.includes('fails')))
    await runQuietly(step);
}

/**
 * Registers the first test of a page that starts where the replication guide leaves off: its step
 * 00, which pastes that guide's steps 1 to 10 into the page's shell, as the page tells a reader to.
 */
export function itStartsFromTheReplicationGuide(guide: string): void {
  it('00 starts where the replication guide leaves off: its steps 1 to 10, as that page shows them', async () => {
    await runAndCompare(stepsOf(guide)('00-before-you-start'));
    expect(await recordCounts(27017, 27018)).toEqual([1, 1]);
  });
}

/** Registers a page's clean-up step: afterwards nothing of the guide is left on the daemon. */
export function itCleansUp(guide: string): void {
  const cleanUp = listSteps(guide).at(-1)!;
  // Titled by the number its name starts with, as the other tests of a guide are, or by its name.
  const label = /^\d\d-/.test(cleanUp.id) ? cleanUp.id.slice(0, 2) : cleanUp.id;
  it(`${label} removes everything the page and the replication guide started`, async () => {
    await runAndCompare(cleanUp);
    expect(await leftovers()).toEqual([]);
  });
}

/**
 * A driver client for the FerretDB published on a host port, as `user` with the current PostgreSQL
 * password (from examples/.env, which step 1 of the replication guide writes) or the one given.
 */
export function ferretdb(
  port: number,
  {
    password = postgresPassword(),
    ...options
  }: { serverSelectionTimeoutMS?: number; password?: string } = {},
): MongoClient {
  return new MongoClient(`mongodb://user:${encodeURIComponent(password)}@127.0.0.1:${port}/`, {
    serverSelectionTimeoutMS: 20_000,
    ...options,
  });
}

/**
 * How FerretDB 2 on a hot standby refuses a write: DocumentDB's message, which the driver and mongosh
 * both show.
 */
export const READ_ONLY_REFUSAL =
  /Can't execute write operation, the database is in recovery and waiting for the standby node to be promoted/;

/** Documents in test.record, counted through the FerretDB published on each port, in port order. */
export async function recordCounts(...ports: number[]): Promise<number[]> {
  const clients = ports.map((port) => ferretdb(port));
  try {
    return await Promise.all(
      clients.map((client) => client.db('test').collection('record').countDocuments()),
    );
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

/** The guide's documents through one FerretDB, in _id order: "no data lost" means the same documents, not only as many. */
export async function documents(port: number) {
  const client = ferretdb(port);
  try {
    return await client.db('test').collection('record').find().sort({ _id: 1 }).toArray();
  } finally {
    await client.close();
  }
}

/**
 * Registers the teardown of a guide's test file: none of the guide's containers, volumes or
 * networks, nor an examples/.env the replication guide wrote, before it starts (what an earlier run
 * left) or after it ends. Ctrl-C is handled in
 * vitest's main process (test/lib/global-setup.ts), which is the one that receives it.
 */
export function useCleanProject(): void {
  let before: DaemonObjects | undefined;
  beforeAll(async () => {
    await tearDownProject();
    before = await daemonObjects();
  });
  afterAll(async () => {
    pageShell?.close();
    pageShell = undefined;
    await tearDownProject();
    expect(await leftovers()).toEqual([]);
    // Nor anything else: an anonymous volume (an image's VOLUME, such as FerretDB's /state, on a
    // container recreated with a new one) or a container started outside compose carries no
    // compose label, so only a before-and-after comparison sees it.
    if (before) expect(newSince(before, await daemonObjects())).toEqual([]);
  });
}

/**
 * A measured fact a page shows (scripts/outputs/measured-facts.ts): this run's measurement must
 * keep the bounds written there, and `npm run record` writes it, sealed, for the page; the fast
 * lane holds the recorded file to the same bounds and seal (test/outputs/measured-facts.test.ts).
 */
export function checkMeasuredFact(name: string, fresh: string): void {
  const problems = measuredFactProblems(name, fresh);
  if (problems.length > 0)
    throw new Error(
      `this run measured what examples/recorded/${name} may not say:\n${problems.join('\n')}\n${fresh}`,
    );
  if (recordsMeasurements()) recordFact(recordedDir, name, fresh);
}

/**
 * A fact a page shows that is not a step's output (what a test measured or provoked, such as a
 * client on another network refused): recorded under examples/recorded/<file> in record mode, and
 * otherwise compared with that recording by the steps' one matcher, so the page's sentence fails
 * the run the day the fact changes.
 */
export function checkRecordedFact(file: string, fresh: string): void {
  const recorded = path.join(recordedDir, file);
  if (recordMode) {
    mkdirSync(path.dirname(recorded), { recursive: true });
    writeFileSync(recorded, fresh);
    return;
  }
  const where = path.relative(repoRoot, recorded);
  if (!existsSync(recorded))
    throw new Error(`error: ${where} is missing\n  what to do: record it with npm run record`);
  const verdict = matchOutput(readFileSync(recorded, 'utf8'), fresh, { images: profileImages() });
  if (!verdict.ok)
    throw new Error(`${where} no longer matches what this run saw:\n${verdict.diff}`);
}
