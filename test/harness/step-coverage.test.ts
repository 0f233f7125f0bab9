/**
 * Fixtures for "ran and compared every script" (test/lib/guide-harness.ts): a folder of three
 * steps, test/fixtures/guide-steps/demo, and runs that miss one, reorder them or run one the
 * folder does not hold. A hand-kept list of the first two steps passed the first of these.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/guide/steps';
import { stepCoverage } from '../lib/step-coverage';

const dir = path.join(repoRoot, 'test', 'fixtures', 'guide-steps');
const all = ['01-first', '02-second', '03-added-later'];

describe('step coverage of a guide test file', () => {
  it('holds when the file ran every script of the folder, in order', () => {
    expect(stepCoverage('demo', all, dir)).toEqual({ expected: all, ran: all, ok: true });
  });

  it('fails when a step was added to the folder and the file never runs it', () => {
    expect(stepCoverage('demo', ['01-first', '02-second'], dir).ok).toBe(false);
  });

  it('fails when the file runs the steps out of order', () => {
    expect(stepCoverage('demo', ['02-second', '01-first', '03-added-later'], dir).ok).toBe(false);
  });

  it('fails when the file runs a step the folder does not hold', () => {
    expect(stepCoverage('demo', [...all, '04-gone'], dir).ok).toBe(false);
  });
});
