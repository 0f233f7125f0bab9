/**
 * Which steps a guide's test file ran and compared, against the scripts its folder holds: the
 * folder is the list, so a step added to it but never run, or a file that stops running one,
 * fails without a hand-kept list to update.
 */
import { guidesDir, listSteps } from '../../scripts/guide/steps';

export interface StepCoverage {
  /** The scripts in examples/guides/<guide>, in order. */
  expected: string[];
  /** The steps the file ran and compared with their recordings, in the order they first ran. */
  ran: string[];
  ok: boolean;
}

export function stepCoverage(guide: string, ran: Iterable<string>, dir = guidesDir): StepCoverage {
  const expected = listSteps(guide, dir).map((s) => s.id);
  const ranIds = [...ran];
  const ok = ranIds.length === expected.length && ranIds.every((id, i) => id === expected[i]);
  return { expected, ran: ranIds, ok };
}
