// What the last recording run said of each test of test/guide/, which the list of claims shows
// beside each claim. A record run of whole guides writes it (results-reporter.ts); a file's entry
// changes only when one of its results, or the profile, does, so its day is the day of the run
// that found them, as a step's .verified.json keeps its day while what it states holds.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { splitTestId } from './test-names';

export const resultsFile = path.join('examples', 'recorded', 'test-results.json');

export type TestState = 'passed' | 'failed' | 'skipped';

export interface FileResults {
  /** The UTC day of the run. */
  readonly date: string;
  readonly profile: string;
  /** By test title. */
  readonly tests: Readonly<Record<string, TestState>>;
}

/** By test file name without `.test.ts`, as a claim's test id begins. */
export type RecordedResults = Readonly<Record<string, FileResults>>;

export function readResults(rootDir: string): RecordedResults {
  const file = path.join(rootDir, resultsFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RecordedResults) : {};
}

const same = (a: FileResults | undefined, b: FileResults): boolean =>
  a !== undefined &&
  a.profile === b.profile &&
  JSON.stringify(Object.entries(a.tests).sort()) === JSON.stringify(Object.entries(b.tests).sort());

/**
 * Puts what one run found into the file, keeping each test file's entry that nothing changed in;
 * writes nothing when no entry changed. The names of the entries it changed.
 */
export function writeResults(rootDir: string, found: RecordedResults): string[] {
  const before = readResults(rootDir);
  const changed = Object.keys(found).filter((name) => !same(before[name], found[name]!));
  if (changed.length === 0) return [];
  const merged: Record<string, FileResults> = { ...before };
  for (const name of changed) merged[name] = found[name]!;
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path.join(rootDir, resultsFile), `${JSON.stringify(sorted, null, 2)}\n`);
  return changed;
}

/** What the list of claims says of a test: its state and the day of the run, or that none ran it. */
export function resultOf(results: RecordedResults, testId: string): string {
  const { file, title } = splitTestId(testId);
  const entry = results[file];
  const state = entry?.tests[title];
  if (entry === undefined || state === undefined) return 'not recorded yet';
  return `${state} on ${entry.date} (${entry.profile} profile)`;
}
