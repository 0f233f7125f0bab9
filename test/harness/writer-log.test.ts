/**
 * Fixtures for the loss measurement's judgment of its writer (test/guide/sync-replication.test.ts):
 * logs of a writer that stopped at its first error and so measured nothing ("catch every error and
 * return", then count what was lost), which it refuses, beside the log of a real kill under load,
 * which it accepts.
 */
import { describe, expect, it } from 'vitest';
import { writerLogProblems, type Outcome } from '../lib/writer-log';

const killedAt = 10_000;
const window = { killedAt, maxSilenceMs: 1000 };

/** Writes acknowledged every 10 ms from `from` to `to`, then what follows. */
function acknowledged(from: number, to: number): Outcome[] {
  const out: Outcome[] = [];
  for (let at = from, seq = 1; at <= to; at += 10, seq += 1) out.push({ seq, at });
  return out;
}

describe("the loss measurement's writer log", () => {
  it('accepts a writer acknowledged up to the kill that failed because of it', () => {
    const log = [...acknowledged(0, 9_990), { seq: 1001, at: 10_050, error: 'connection reset' }];
    expect(writerLogProblems(log, window)).toEqual([]);
  });

  it('refuses a writer that died a tenth of a second in (the kill hit an idle primary)', () => {
    const log = [...acknowledged(0, 90), { seq: 11, at: 100, error: 'MongoNetworkError' }];
    expect(writerLogProblems(log, window)).toEqual([
      'write 11 failed 9900 ms before the kill: MongoNetworkError',
      'no write failed after the kill: the writer had stopped before it',
      'the last acknowledgement came 9910 ms before the kill (more than 1000 ms): the writer was not writing when the primary died',
    ]);
  });

  it('refuses a writer that stopped without an error long before the kill', () => {
    const log = acknowledged(0, 2_000);
    expect(writerLogProblems(log, window)).toContain(
      'no write failed after the kill: the writer had stopped before it',
    );
  });

  it('refuses a log with no acknowledged write', () => {
    expect(writerLogProblems([{ seq: 1, at: 10_020, error: 'x' }], window)).toEqual([
      'no write was acknowledged before the kill',
    ]);
  });
});
