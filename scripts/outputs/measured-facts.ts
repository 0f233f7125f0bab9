/**
 * The measured facts the pages show that are not a step's output: figures a test measures (writes
 * lost when the primary is killed, what clients saw during restarts, how stale reads were), which
 * vary from run to run and so cannot be matched to the letter. Each has the bounds its test holds
 * every run to, written here once: the test checks every fresh measurement against them, and a
 * fast test checks the recorded file the page shows against them, so a figure no run could
 * measure fails either way. `npm run record` seals each file with its sha256 in
 * examples/recorded/measured-facts.json; any other edit breaks the seal.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The least each kill-under-load run writes before and during the cut (sync-replication.test.ts). */
export const WRITES_BEFORE_CUT = 100;
export const WRITES_WHILE_CUT = 50;

type Bounds = (text: string) => string[];

const LOSS =
  /^(synchronous|asynchronous): (\d+) of (\d+) acknowledged writes lost \((\d+) acknowledged while the replica was cut off\)$/;

/** sync-replication/loss-under-kill.txt: one line a mode. */
const lossUnderKill: Bounds = (text) => {
  const problems: string[] = [];
  const lines = text.trimEnd().split('\n');
  const modes = lines.map((line) => LOSS.exec(line));
  if (lines.length !== 2 || modes[0]?.[1] !== 'synchronous' || modes[1]?.[1] !== 'asynchronous')
    return ['it must hold a synchronous line, then an asynchronous one, as the test writes them'];
  for (const found of modes) {
    const name = found![1];
    const [lost, acknowledged, whileCut] = found!.slice(2).map(Number) as [number, number, number];
    if (acknowledged < WRITES_BEFORE_CUT)
      problems.push(`${name}: fewer than ${WRITES_BEFORE_CUT} writes acknowledged`);
    if (lost > acknowledged) problems.push(`${name}: more writes lost than acknowledged`);
    if (name === 'synchronous' && (lost !== 0 || whileCut !== 0))
      problems.push('synchronous: an acknowledged write lost, or one acknowledged during the cut');
    if (name === 'asynchronous' && whileCut < WRITES_WHILE_CUT)
      problems.push(
        `asynchronous: fewer than ${WRITES_WHILE_CUT} writes acknowledged during the cut`,
      );
    // A write acknowledged just after the cut may have left the primary just before it.
    if (name === 'asynchronous' && lost < whileCut - 1)
      problems.push('asynchronous: fewer writes lost than were acknowledged during the cut');
  }
  return problems;
};

const READER =
  /^reading client, replica restarted: (\d+) reads answered, (\d+) failed \(over [\d.]+ s\), at most [\d.]+ s without an answer; the read-only FerretDB was not restarted$/;
const WRITER =
  /^writing client, primary restarted: (\d+) writes acknowledged, (\d+) refused \(over [\d.]+ s\), at most [\d.]+ s without an acknowledgement, (\d+) acknowledged writes lost, (\d+) of the refused ones committed all the same; FerretDB was not restarted$/;

/** faults/clients-under-restarts.txt: each client answered at least 20 times on either side of its restart, and no acknowledged write lost. */
const clientsUnderRestarts: Bounds = (text) => {
  const [readerLine = '', writerLine = '', ...rest] = text.trimEnd().split('\n');
  const reader = READER.exec(readerLine);
  const writer = WRITER.exec(writerLine);
  const problems: string[] = [];
  if (!reader) problems.push("its first line is not the reading client's, as the test writes it");
  if (!writer) problems.push("its second line is not the writing client's, as the test writes it");
  if (reader && Number(reader[1]) < 40)
    problems.push('the reader was answered fewer than 40 times');
  if (writer && Number(writer[1]) < 40)
    problems.push('the writer was acknowledged fewer than 40 times');
  if (writer && writer[3] !== '0') problems.push('an acknowledged write was lost');
  if (writer && Number(writer[4]) > Number(writer[2]))
    problems.push('more refused writes committed than were refused');
  for (const line of rest)
    if (!/^first error the (reader|writer) saw: \S/.test(line))
      problems.push(`"${line}" is not a first-error line`);
  return problems;
};

/** application/read-after-write.txt: every write found on the primary; each on the replica, at once or within the wait. */
const readAfterWrite: Bounds = (text) => {
  const found =
    /^(\d+) orders written through the primary, each read back right after its acknowledgement:\n {2}from the primary: (\d+) of (\d+) found\n {2}from the replica: (\d+) of (\d+) found \(stale reads: (\d+)\)\n(?: {2}the stale ones appeared on the replica within [\d.]+ ms; (\d+) not within \d+ ms\n)?$/.exec(
      text,
    );
  if (!found) return ['it is not in the form the program prints'];
  const [, writes, primary, , replica, , stale, missing] = found.map(Number);
  const problems: string[] = [];
  if (primary !== writes) problems.push('a write was not found on the primary');
  if (replica! + stale! !== writes)
    problems.push('found and stale reads do not add up to the writes');
  if (stale! > 0 && missing !== 0) problems.push('a stale write never appeared on the replica');
  return problems;
};

/** restore/restore-figures.txt: how long step 4 took for the data it restored, and what the archive held. */
const restoreFigures: Bounds = (text) => {
  const found =
    /^restored 1000 orders in ([\d.]+) s \(step 4: unpack, replay to the target, promotion\)\nbase backup: (\d+) KiB compressed; archived WAL: (\d+) segments, (\d+) KiB\n$/.exec(
      text,
    );
  if (!found) return ['it is not in the form the test writes'];
  const [seconds, backup, segments, wal] = found.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const problems: string[] = [];
  if (!(seconds > 0 && seconds < 120))
    problems.push('the restore took no time, or more than 120 s');
  if (backup <= 0) problems.push('the base backup is empty');
  if (segments < 2 || wal <= 0) problems.push('fewer than the two segments the steps archive');
  return problems;
};

/**
 * upgrade/writes-during-upgrade.txt: a client writing through the primary's FerretDB and one
 * reading through the replica's, from before step 2 to after step 5 (upgrade.test.ts).
 */
const writesDuringUpgrade: Bounds = (text) => {
  const found =
    /^writes through port 27017 during steps 2 to 5: (\d+) acknowledged, (\d+) refused; acknowledged and missing afterwards: (\d+) on the primary, (\d+) on the replica\nreads through port 27018: (\d+) answered, (\d+) refused\n$/.exec(
      text,
    );
  if (!found) return ['it is not in the form the test writes'];
  const [acknowledged, , missingPrimary, missingReplica, answered] = found.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const problems: string[] = [];
  if (acknowledged < 10) problems.push('fewer than 10 writes acknowledged while the steps ran');
  if (missingPrimary !== 0 || missingReplica !== 0)
    problems.push('an acknowledged write is missing after the upgrade');
  if (answered < 10) problems.push('fewer than 10 reads answered while the steps ran');
  return problems;
};

/** Each measured fact, by its path under examples/recorded/, with the bounds every run keeps. */
export const MEASURED_FACTS: Readonly<Record<string, Bounds>> = {
  'sync-replication/loss-under-kill.txt': lossUnderKill,
  'faults/clients-under-restarts.txt': clientsUnderRestarts,
  'application/read-after-write.txt': readAfterWrite,
  'restore/restore-figures.txt': restoreFigures,
  'upgrade/writes-during-upgrade.txt': writesDuringUpgrade,
};

export const SEALS_FILE = 'measured-facts.json';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function readSeals(recordedDir: string): Record<string, string> {
  const file = path.join(recordedDir, SEALS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** What is wrong with a measurement (fresh, or the recorded one): the bounds it breaks. */
export function measuredFactProblems(name: string, text: string): string[] {
  const bounds = MEASURED_FACTS[name];
  if (!bounds) return [`${name} is not a measured fact of scripts/outputs/measured-facts.ts`];
  return bounds(text);
}

/** The recorded file as the page shows it: there, within its bounds, and as `npm run record` sealed it. */
export function recordedFactProblems(recordedDir: string, name: string): string[] {
  const file = path.join(recordedDir, name);
  if (!existsSync(file)) return ['it is missing: record it with npm run record'];
  const text = readFileSync(file, 'utf8');
  const problems = measuredFactProblems(name, text);
  if (readSeals(recordedDir)[name] !== sha256(text))
    problems.push(
      `it is not what npm run record wrote (its sha256 differs from ${SEALS_FILE}'s): measure it again with npm run record`,
    );
  return problems;
}

/** Writes a measurement and its seal (record mode). */
export function recordFact(recordedDir: string, name: string, text: string): void {
  writeFileSync(path.join(recordedDir, name), text);
  const seals = { ...readSeals(recordedDir), [name]: sha256(text) };
  const sorted = Object.fromEntries(Object.entries(seals).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path.join(recordedDir, SEALS_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}
