// The two tabs of a step print one transcript. The tests paste each Shell tab (the recorded .sh)
// into a page's shell and compare what it prints (test/lib/guide-harness.ts); here each zx script
// is held to that tab: run with GUIDE_REPLAY (examples/lib/guide.mjs), it runs no command, and
// every command it issues must be the next one its Shell tab shows, in order, all of them, with
// the recorded output of each handed back as a real run would hand it. No Docker, no network.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';

import { shownCommands } from '../../scripts/guide/shown-commands';
import { listGuides, listSteps, stepFiles, stepId, stepPath } from '../../scripts/guide/steps';

const scratch = mkdtempSync(path.join(tmpdir(), 'zx-tab-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('each zx script issues exactly the commands of its Shell tab', () => {
  for (const guide of listGuides())
    for (const step of listSteps(guide)) {
      it(stepId(step), async () => {
        const files = stepFiles(step);
        const replay = path.join(scratch, `${guide}-${step.id}.json`);
        writeFileSync(replay, JSON.stringify(shownCommands(files.commands, files.console)));
        const run = await $({
          nothrow: true,
          quiet: true,
          env: { ...process.env, GUIDE_REPLAY: replay },
        })`node ${step.file}`;
        expect(
          run.exitCode,
          `${stepPath(step)} and ${path.relative(process.cwd(), files.commands)} part:\n${run.stderr}\n  what to do: record the step again, npm run record -- ${stepId(step)}`,
        ).toBe(0);
      });
    }
});

describe('no step script runs a command outside the region its page shows', () => {
  for (const guide of listGuides())
    for (const step of listSteps(guide)) {
      it(stepId(step), () => {
        const source = readFileSync(step.file, 'utf8');
        const outside = source.replace(/\/\/ :snippet-start:[^]*?\/\/ :snippet-end:/g, '');
        expect(
          outside.split('\n').filter((line) => /\$[`(]|\$\.sync|\bspawn\(/.test(line)),
          `${stepPath(step)}: move these into the commands region, so that the zx tab shows them`,
        ).toEqual([]);
      });
    }
});
