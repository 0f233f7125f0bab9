/**
 * One line when a provisioning step starts and one when it ends, with its duration,
 * so that a person (and a CI log) can see which of the long steps is running.
 */
import { SetupError } from '../user-error';

export async function step<T>(title: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`▸ ${title}`);
  try {
    const result = await run();
    console.log(`✔ ${title} (${seconds(started)})`);
    return result;
  } catch (error) {
    console.log(`✘ ${title} (${seconds(started)})`);
    throw error;
  }
}

/** A sub-line under the running step, for what it found or decided. */
export function detail(message: string): void {
  console.log(`  ${message}`);
}

export function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}

/** Prints a SetupError as the message plus what to do, and anything else with its stack. */
export function reportFailure(error: unknown): void {
  if (error instanceof SetupError) {
    console.error(`\nerror: ${error.message}\n  what to do: ${error.hint}`);
  } else {
    console.error(error);
  }
}

/** How often long work says it is still going: a silent minute reads as a hang. */
const heartbeatMs = 15_000;

/**
 * Runs a long tool (debootstrap, apt-get, make, go build, docker build) with a line at least every
 * 15 s saying what it is doing and for how long; when it fails, the error is a SetupError with the
 * tool's last lines and what to do, instead of the raw exception.
 */
export async function longRun<T>(
  what: string,
  hint: string,
  work: () => Promise<T>,
  everyMs = heartbeatMs,
): Promise<T> {
  const started = performance.now();
  detail(`${what} …`);
  // The heartbeat repeats the task without its parenthesised estimate.
  const short = what.replace(/ \(.*\)$/, '');
  const timer = setInterval(() => detail(`… still ${short} (${seconds(started)})`), everyMs);
  try {
    const result = await work();
    detail(`${what}: done in ${seconds(started)}`);
    return result;
  } catch (error) {
    if (error instanceof SetupError) throw error;
    throw new SetupError(`${what} failed after ${seconds(started)}:\n${lastLines(error)}`, hint);
  } finally {
    clearInterval(timer);
  }
}

/** The last lines a failed command printed (zx's ProcessOutput carries both streams). */
function lastLines(error: unknown, count = 20): string {
  const output = error as { stdout?: string; stderr?: string; message?: string };
  const text =
    [output.stdout, output.stderr]
      .map((stream) => stream?.trim() ?? '')
      .filter(Boolean)
      .join('\n') || String(output.message);
  return text
    .split('\n')
    .slice(-count)
    .map((line) => `    ${line}`)
    .join('\n');
}
