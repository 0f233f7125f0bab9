// What the pages and the README show that no step prints: each measured fact within the bounds
// every run is held to, and as npm run record sealed it (scripts/outputs/measured-facts.ts); no
// recording with a line the matcher reads as a wildcard; the README's figures as npm run bench
// wrote them from bench/results.json.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { END, readmeFile, renderFigures, START } from '../../scripts/bench/readme';
import { readResults } from '../../scripts/bench/results';
import { recordedDir, repoRoot } from '../../scripts/guide/steps';
import { ELLIPSIS, wildcardLines } from '../../scripts/outputs/match-output';
import {
  MEASURED_FACTS,
  measuredFactProblems,
  recordedFactProblems,
} from '../../scripts/outputs/measured-facts';

describe('measured facts the pages show', () => {
  for (const name of Object.keys(MEASURED_FACTS))
    it(`examples/recorded/${name} keeps its bounds and its seal`, () => {
      expect(recordedFactProblems(recordedDir, name)).toEqual([]);
    });
});

describe('a figure edited by hand breaks its bounds', () => {
  const recorded = (name: string): string => readFileSync(path.join(recordedDir, name), 'utf8');
  it.each([
    ['sync-replication/loss-under-kill.txt', /^synchronous: 0 of/m, 'synchronous: 4 of'],
    [
      'faults/clients-under-restarts.txt',
      / 0 acknowledged writes lost/,
      ' 2 acknowledged writes lost',
    ],
    ['application/read-after-write.txt', /from the primary: (\d+)/, 'from the primary: 1'],
  ])('%s', (name, from, to) => {
    const text = recorded(name);
    expect(measuredFactProblems(name, text)).toEqual([]);
    expect(measuredFactProblems(name, text.replace(from, to))).not.toEqual([]);
  });
});

describe('recordings', () => {
  const texts = readdirSync(recordedDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.txt'),
  );

  it('are there to check', () => {
    expect(texts.length).toBeGreaterThan(50);
  });

  it(`hold no line the matcher reads as a wildcard (${ELLIPSIS}): the page would show it, and it would match anything`, () => {
    const found = texts.flatMap((file) =>
      wildcardLines(readFileSync(path.join(recordedDir, file), 'utf8')).map(
        (w) => `${path.relative(repoRoot, path.join(recordedDir, file))}:${w.line}: ${w.text}`,
      ),
    );
    expect(found, 'what to do: record the step again, npm run record -- <guide>/<step>').toEqual(
      [],
    );
  });
});

describe("the README's figures", () => {
  it('are the ones npm run bench wrote from bench/results.json', async () => {
    const readme = readFileSync(readmeFile, 'utf8');
    const shown = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    const names = [...shown.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]!);
    expect(
      shown,
      'README.md: the section between the bench markers is generated; run npm run bench, or restore it from bench/results.json',
    ).toBe(renderFigures(await readResults(), names));
  });
});
