// A vitest reporter for `npm run record` of whole guides: what each test of test/guide/ did,
// written to examples/recorded/test-results.json for the list of claims. A run that names one
// step is left out: the steps before it run without being compared, so its results prove less.
import path from 'node:path';

import type { Reporter, TestModule } from 'vitest/node';

import { resolveProfile } from '../stack/profiles';
import { utcDay } from '../guide/verified';
import { repoRoot } from '../repo-root';
import { writeResults, type FileResults, type TestState } from './results';

export default class ResultsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (process.env.GUIDE_RECORD_ONLY) return;
    const profile = resolveProfile('tests').name;
    const found: Record<string, FileResults> = {};
    for (const module of modules) {
      if (!module.moduleId.includes(`${path.sep}test${path.sep}guide${path.sep}`)) continue;
      const tests: Record<string, TestState> = {};
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        tests[test.name] = state === 'pending' ? 'skipped' : state;
      }
      found[path.basename(module.moduleId).replace(/\.test\.ts$/, '')] = {
        date: utcDay(new Date()),
        profile,
        tests,
      };
    }
    const changed = writeResults(repoRoot, found);
    if (changed.length > 0)
      console.log(
        `test results changed for ${changed.join(', ')}: examples/recorded/test-results.json`,
      );
  }
}
