// The bench charts and the README's figures, from a fixture results.json: the
// right bars and labels, and no crash (and no chart) for a missing section.
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  LABEL_CHAR_WIDTH,
  renderLagChart,
  renderSiteChart,
  writeCharts,
} from '../../scripts/bench/chart';
import { END, renderFigures, replaceFigures, START } from '../../scripts/bench/readme';
import { mergeResult, readResults } from '../../scripts/bench/results';
import type { BenchSection, Results } from '../../scripts/bench/types';
import { repoRoot } from '../site/paths';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'bench', 'results.json');

async function loadFixture(): Promise<Results> {
  return readResults(fixture);
}

function section(results: Results, name: string): BenchSection {
  const found = results[name];
  if (!found) throw new Error(`fixture has no ${name} section`);
  return found;
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bench-chart-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the site chart', () => {
  it('draws one bar per figure, labelled, with its value', async () => {
    const svg = renderSiteChart(section(await loadFixture(), 'site'));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="bar">/g)).toHaveLength(4);
    expect(svg).toContain('Default bundler (webpack)');
    expect(svg).toContain('80.4 s');
    expect(svg).toContain('Docusaurus Faster (Rspack)');
    expect(svg).toContain('20.1 s');
    expect(svg).toContain('Before the diagram draws');
    expect(svg).toContain('1,024 KiB');
    expect(svg).toContain('Mobile: accessibility');
    // No bars for figures the section does not have.
    expect(svg).not.toContain('Desktop: performance');
  });

  it('scales bars within a panel: the slower build has the longer bar', async () => {
    const svg = renderSiteChart(section(await loadFixture(), 'site'));
    const widths = [...svg.matchAll(/<rect x="\d+" y="[\d.]+" width="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths[0]).toBeGreaterThan(widths[1] ?? Infinity);
    expect(widths[0]! / widths[1]!).toBeCloseTo(80.4 / 20.1, 1);
  });

  it('names the machine and the command in the chart', async () => {
    const svg = renderSiteChart(section(await loadFixture(), 'site'));
    expect(svg).toContain('2 × Example CPU @ 2.00GHz, 8 GiB RAM');
    expect(svg).toContain('Measured 2025-01-02');
    expect(svg).toContain('npm run bench -- site');
  });
});

describe('the lag chart', () => {
  it('leaves room for its longest label left of the bars', async () => {
    const label = '500/s target: writes per second achieved';
    const svg = renderLagChart({
      ...section(await loadFixture(), 'lag'),
      figures: [{ key: 'x', label, value: 500, unit: 'writes/s', command: 'npm run bench -- lag' }],
    });
    const x = Number(/<text x="(\d+)"[^>]*text-anchor="end"[^>]*>500\/s target/.exec(svg)?.[1]);
    // Right-aligned at x, the label starts at x minus its width: on the chart, not left of it.
    expect(x - label.length * LABEL_CHAR_WIDTH).toBeGreaterThanOrEqual(0);
  });

  it('draws every lag figure and escapes its label', async () => {
    const svg = renderLagChart(section(await loadFixture(), 'lag'));
    expect(svg.match(/<g class="bar">/g)).toHaveLength(2);
    expect(svg).toContain('Lag when idle, p50');
    expect(svg).toContain('Lag &lt;under load&gt;, p99');
    expect(svg).toContain('340 ms');
  });
});

describe('writeCharts', () => {
  it('writes both charts when both sections exist', async () => {
    const { written, missing } = await writeCharts(await loadFixture(), dir);
    expect(written.map((file) => path.basename(file))).toEqual(['site.svg', 'lag.svg']);
    expect(missing).toEqual([]);
    expect(await readFile(path.join(dir, 'site.svg'), 'utf8')).toContain('<svg');
  });

  it('draws the site figures only when the lag section is missing, and removes a stale lag chart', async () => {
    const { lag: _lag, ...siteOnly } = await loadFixture();
    await writeFile(path.join(dir, 'lag.svg'), '<svg/>');
    const { written, missing } = await writeCharts(siteOnly, dir);
    expect(written.map((file) => path.basename(file))).toEqual(['site.svg']);
    expect(missing).toEqual(['lag']);
    expect(await exists(path.join(dir, 'lag.svg'))).toBe(false);
  });

  it('does not crash on an empty results file', async () => {
    await expect(writeCharts({}, dir)).resolves.toEqual({ written: [], missing: ['site', 'lag'] });
  });
});

describe('results.json', () => {
  it('reads a missing file as no sections, and a merge keeps the other sections', async () => {
    const file = path.join(dir, 'results.json');
    expect(await readResults(file)).toEqual({});
    const fixtureResults = await loadFixture();
    await mergeResult('site', section(fixtureResults, 'site'), file);
    const merged = await mergeResult('lag', section(fixtureResults, 'lag'), file);
    expect(Object.keys(merged)).toEqual(['lag', 'site']);
    expect(await readResults(file)).toEqual(merged);
  });
});

describe('the README figures', () => {
  it('lists each figure with its command, and benches not measured yet', async () => {
    const { lag: _lag, ...siteOnly } = await loadFixture();
    const markdown = renderFigures(siteOnly, ['site', 'harness', 'lag']);
    expect(markdown).toContain(
      '| Production build, webpack | 80.4 s | `DOCUSAURUS_FASTER=false npx docusaurus build` |',
    );
    expect(markdown).toContain('2 × Example CPU @ 2.00GHz');
    expect(markdown).toContain('Not measured yet: `npm run bench -- lag` measures it.');
  });

  it('replaces the generated section in place, or appends it once', () => {
    const appended = replaceFigures('# Title\n', 'first');
    expect(appended).toBe(`# Title\n\n## Latest figures\n\n${START}\n\nfirst\n\n${END}\n`);
    const replaced = replaceFigures(appended, 'second');
    expect(replaced).toBe(appended.replace('first', 'second'));
  });
});
