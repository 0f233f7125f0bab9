/**
 * A client that keeps using FerretDB while a guide's step restarts a server under it: a writer
 * (one insert at a time) or a reader (one query at a time), each outcome kept with its time. The
 * faults page shows what such a client sees; the test checks that it sees errors only while the
 * server is away, and that nothing acknowledged is lost.
 */
import type { MongoClient } from 'mongodb';
import type { Outcome } from './writer-log';

export interface ClientRun {
  /** Every operation's outcome, in order. */
  outcomes: Outcome[];
  /** Ends the loop and resolves once the operation in flight has settled. */
  stop(): Promise<Outcome[]>;
}

/** Pause after a failed operation: the client retries, as an application would, without spinning. */
const RETRY_PAUSE_MS = 50;

/**
 * Starts operating in a loop: `write` inserts {seq} into test.load; `read` counts test.record.
 * Errors are kept and the loop goes on, so a client that never recovers shows as errors to the end.
 */
export function startClient(client: MongoClient, kind: 'write' | 'read'): ClientRun {
  const outcomes: Outcome[] = [];
  let running = true;
  const loop = (async () => {
    for (let seq = 1; running; seq += 1) {
      try {
        if (kind === 'write') await client.db('test').collection('load').insertOne({ seq });
        else await client.db('test').collection('record').countDocuments();
        outcomes.push({ seq, at: Date.now() });
      } catch (error) {
        outcomes.push({ seq, at: Date.now(), error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  })();
  return {
    outcomes,
    async stop() {
      running = false;
      await loop;
      return outcomes;
    },
  };
}

export interface ClientSummary {
  succeeded: number;
  failed: number;
  /** From the first failure to the last, in ms; 0 when nothing failed. */
  failingForMs: number;
  /** The longest between two successes, in ms: an operation that hangs shows here, not as a failure. */
  longestWithoutSuccessMs: number;
  /** The first failure's first line, without FerretDB's Go call frames ([file.go:42 func]). */
  firstError?: string;
}

export function summarise(outcomes: readonly Outcome[]): ClientSummary {
  const failures = outcomes.filter((o) => o.error !== undefined);
  const first = failures[0];
  const last = failures.at(-1);
  const successes = outcomes.filter((o) => o.error === undefined);
  let longest = 0;
  for (let i = 1; i < successes.length; i += 1)
    longest = Math.max(longest, successes[i]!.at - successes[i - 1]!.at);
  const firstLine = first?.error
    ?.split('\n')[0]
    ?.replace(/\[[^\]\s]+\.go:\d+ [^\]]*\] ?/g, '')
    .trim();
  return {
    succeeded: successes.length,
    failed: failures.length,
    failingForMs: first && last ? last.at - first.at : 0,
    longestWithoutSuccessMs: longest,
    ...(firstLine !== undefined ? { firstError: firstLine } : {}),
  };
}

/**
 * What is wrong with a client's run around a restart that happened between `from` and `to`:
 * failures outside that window, or no success after it (the client did not recover).
 */
export function outsideTheRestart(
  outcomes: readonly Outcome[],
  window: { from: number; to: number },
): string[] {
  const problems = outcomes
    .filter((o) => o.error !== undefined && (o.at < window.from || o.at > window.to))
    .map(
      (o) =>
        `operation ${o.seq} failed ${o.at < window.from ? 'before' : 'after'} the restart: ${o.error ?? ''}`,
    );
  if (!outcomes.some((o) => o.error === undefined && o.at > window.to))
    problems.push('no operation succeeded after the restart');
  return problems;
}
