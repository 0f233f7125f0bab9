/**
 * A writer's log around a kill: every write's outcome with its time. The loss measurement's
 * "0 lost" means something only when the writer was acknowledged right up to the kill (or, with
 * synchronous replication, had a write waiting for the replica) and stopped because of the kill;
 * a writer that died early leaves the kill to hit an idle primary, and nothing to lose.
 */

export interface Outcome {
  seq: number;
  /** Date.now() when the outcome arrived. */
  at: number;
  error?: string;
}

export interface KillWindow {
  /** Date.now() just before the primary was killed. */
  killedAt: number;
  /**
   * The longest a writer may have been without an acknowledgement at the kill. Asynchronous: a
   * write takes milliseconds, so a long gap means the writer had stopped. Synchronous: the writer
   * waits for the replica from the cut on, so the gap is bounded by the cut, not by this.
   */
  maxSilenceMs: number;
}

/** What is wrong with a writer's log as evidence of a kill under load; empty when nothing is. */
export function writerLogProblems(outcomes: readonly Outcome[], window: KillWindow): string[] {
  const problems: string[] = [];
  const early = outcomes.filter((o) => o.error !== undefined && o.at < window.killedAt);
  for (const o of early)
    problems.push(
      `write ${o.seq} failed ${window.killedAt - o.at} ms before the kill: ${o.error ?? ''}`,
    );
  if (!outcomes.some((o) => o.error !== undefined && o.at >= window.killedAt))
    problems.push('no write failed after the kill: the writer had stopped before it');
  const acknowledged = outcomes.filter((o) => o.error === undefined && o.at < window.killedAt);
  const last = acknowledged.at(-1);
  if (!last) problems.push('no write was acknowledged before the kill');
  else if (window.killedAt - last.at > window.maxSilenceMs)
    problems.push(
      `the last acknowledgement came ${window.killedAt - last.at} ms before the kill (more than ${window.maxSilenceMs} ms): the writer was not writing when the primary died`,
    );
  return problems;
}
