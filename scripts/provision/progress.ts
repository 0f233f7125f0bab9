/**
 * One line when a provisioning step starts and one when it ends, with its duration,
 * so that a person (and a CI log) can see which of the long steps is running.
 */
import { SetupError } from './setup-error';

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
