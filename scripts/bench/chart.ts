// SVG bar charts of bench/results.json for the docs: static/img/bench/site.svg
// from the `site` section, static/img/bench/lag.svg from the `lag` section.
// A section that is missing draws no chart (and removes a stale one): the page
// says which figures exist. Plain SVG strings, no chart library, no browser.
//
//   npx tsx scripts/bench/chart.ts   (npm run bench runs it after every bench)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { readResults, repoRoot, resultsFile } from './results';
import type { BenchSection, Figure, Results } from './types';

const chartsDir = path.join(repoRoot, 'static', 'img', 'bench');

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

interface Panel {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** The value a full-width bar stands for; the panel's largest value when absent. */
  readonly max?: number;
}

const WIDTH = 760;
const PAD = 20;
const MIN_LABEL_WIDTH = 250;
const VALUE_WIDTH = 90;
/**
 * An upper bound on the width of one character of a 13 px label in the system sans-serif fonts
 * the SVG names: the label column is made as wide as the longest label needs at this width, so a
 * label right-aligned to the bars never runs off the chart's left edge.
 */
export const LABEL_CHAR_WIDTH = 7.5;

/** The label column's width for these labels, the gap before the bars included. */
export function labelWidth(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.max(MIN_LABEL_WIDTH, Math.ceil(longest * LABEL_CHAR_WIDTH) + 8);
}
const ROW = 24;
const BAR_HEIGHT = 16;
const PANEL_TITLE = 30;
const PANEL_GAP = 14;
// Dark enough on white for WCAG AA text contrast (4.5:1) and bars (3:1).
const INK = '#1c1e21';
const MUTED = '#4a4f57';
const BAR_COLORS = ['#2f5bd3', '#1f7a4d'];

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

export function formatValue(figure: Pick<Figure, 'value' | 'unit'>): string {
  switch (figure.unit) {
    case 'bytes':
      return `${(figure.value / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KiB`;
    case 'score':
      return String(figure.value);
    default:
      return `${figure.value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${figure.unit}`;
  }
}

/** Draws panels of horizontal bars, each panel on its own scale. */
function renderBarChart(options: {
  readonly title: string;
  readonly footer: readonly string[];
  readonly panels: readonly Panel[];
}): string {
  const parts: string[] = [];
  let y = PAD + 18;
  parts.push(
    `<text x="${PAD}" y="${y}" font-size="18" font-weight="600" fill="${INK}">${escapeXml(options.title)}</text>`,
  );
  y += 12;
  const descriptions: string[] = [];
  const LABEL_WIDTH = labelWidth(
    options.panels.flatMap((panel) => panel.bars.map((bar) => bar.label)),
  );
  const BAR_AREA = WIDTH - 2 * PAD - LABEL_WIDTH - VALUE_WIDTH;
  for (const panel of options.panels) {
    y += PANEL_TITLE;
    parts.push(
      `<text x="${PAD}" y="${y - 8}" font-size="14" font-weight="600" fill="${INK}">${escapeXml(panel.title)}</text>`,
    );
    const max = panel.max ?? Math.max(...panel.bars.map((bar) => bar.value), 0);
    panel.bars.forEach((bar, index) => {
      const width = max > 0 ? Math.max(1, Math.round((bar.value / max) * BAR_AREA)) : 1;
      const barY = y + (ROW - BAR_HEIGHT) / 2;
      const textY = y + ROW / 2 + 5;
      const color = BAR_COLORS[index % BAR_COLORS.length] as string;
      parts.push(
        `<g class="bar"><text x="${PAD + LABEL_WIDTH - 8}" y="${textY}" font-size="13" text-anchor="end" fill="${INK}">${escapeXml(bar.label)}</text>` +
          `<rect x="${PAD + LABEL_WIDTH}" y="${barY}" width="${width}" height="${BAR_HEIGHT}" rx="2" fill="${color}"/>` +
          `<text x="${PAD + LABEL_WIDTH + width + 6}" y="${textY}" font-size="13" fill="${INK}">${escapeXml(bar.text)}</text></g>`,
      );
      descriptions.push(`${panel.title}: ${bar.label} ${bar.text}.`);
      y += ROW;
    });
    y += PANEL_GAP;
  }
  for (const line of options.footer) {
    y += 16;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="12" fill="${MUTED}">${escapeXml(line)}</text>`,
    );
  }
  const height = y + PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="title desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, sans-serif">`,
    `<title id="title">${escapeXml(options.title)}</title>`,
    `<desc id="desc">${escapeXml(descriptions.join(' '))}</desc>`,
    `<rect width="${WIDTH}" height="${height}" rx="6" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function footer(section: BenchSection): string[] {
  const { machine } = section;
  return [
    `Measured ${section.measuredAt.slice(0, 10)} on ${machine.cpus.count} × ${machine.cpus.model}, ${machine.memoryGiB} GiB RAM, Node ${machine.node}.`,
    `${machine.os}. Reproduce: ${section.command}`,
  ];
}

const toBar =
  (labels: Record<string, string>) =>
  (figure: Figure): Bar => ({
    label: labels[figure.key] ?? figure.label,
    value: figure.value,
    text: formatValue(figure),
  });

/** The figures whose keys are listed, in the listed order; missing ones are left out. */
function pick(section: BenchSection, labels: Record<string, string>): Figure[] {
  return Object.keys(labels).flatMap((key) => section.figures.filter((f) => f.key === key));
}

const SITE_PANELS: readonly {
  readonly title: string;
  readonly labels: Record<string, string>;
  readonly max?: number;
}[] = [
  {
    title: 'Production build time, cold cache (median of 3)',
    labels: {
      'build.default.seconds': 'Default bundler (webpack)',
      'build.faster.seconds': 'Docusaurus Faster (Rspack)',
    },
  },
  {
    title: 'JavaScript the guide page loads',
    labels: {
      'js.beforeDiagram.bytes': 'Before the diagram draws',
      'js.beforeDiagram.gzipBytes': 'Before the diagram, gzip',
      'js.afterDiagram.bytes': 'Once the diagram is drawn',
      'js.afterDiagram.gzipBytes': 'Once drawn, gzip',
    },
  },
  {
    title: 'Lighthouse scores of the guide page, 0–100 (median of 5)',
    max: 100,
    labels: {
      'lighthouse.mobile.performance': 'Mobile: performance',
      'lighthouse.mobile.accessibility': 'Mobile: accessibility',
      'lighthouse.mobile.best-practices': 'Mobile: best practices',
      'lighthouse.mobile.seo': 'Mobile: SEO',
      'lighthouse.desktop.performance': 'Desktop: performance',
      'lighthouse.desktop.accessibility': 'Desktop: accessibility',
      'lighthouse.desktop.best-practices': 'Desktop: best practices',
      'lighthouse.desktop.seo': 'Desktop: SEO',
    },
  },
];

export function renderSiteChart(section: BenchSection): string {
  const panels = SITE_PANELS.map((panel) => ({
    title: panel.title,
    max: panel.max,
    bars: pick(section, panel.labels).map(toBar(panel.labels)),
  })).filter((panel) => panel.bars.length > 0);
  return renderBarChart({ title: 'Site: build and page figures', footer: footer(section), panels });
}

/** One panel per unit, one bar per figure, in the order the lag bench gave them. */
export function renderLagChart(section: BenchSection): string {
  const units = [...new Set(section.figures.map((figure) => figure.unit))];
  const panels = units.map((unit) => ({
    title: unit === 'writes/s' ? 'Write rate achieved (writes/s)' : `Replication lag (${unit})`,
    bars: section.figures.filter((figure) => figure.unit === unit).map(toBar({})),
  }));
  return renderBarChart({ title: 'Replication lag', footer: footer(section), panels });
}

const CHARTS: readonly {
  readonly bench: string;
  readonly file: string;
  readonly render: (section: BenchSection) => string;
}[] = [
  { bench: 'site', file: 'site.svg', render: renderSiteChart },
  { bench: 'lag', file: 'lag.svg', render: renderLagChart },
];

/** Writes a chart for every section there is; removes the chart of a section there is not. */
export async function writeCharts(
  results: Results,
  outDir = chartsDir,
): Promise<{ written: string[]; missing: string[] }> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const missing: string[] = [];
  for (const chart of CHARTS) {
    const file = path.join(outDir, chart.file);
    const section = results[chart.bench];
    if (!section || section.figures.length === 0) {
      await rm(file, { force: true });
      missing.push(chart.bench);
      continue;
    }
    await writeFile(file, chart.render(section));
    written.push(file);
  }
  return { written, missing };
}

async function main(): Promise<void> {
  const { written, missing } = await writeCharts(await readResults(resultsFile));
  for (const file of written) console.log(`wrote ${path.relative(repoRoot, file)}`);
  for (const bench of missing) console.log(`no "${bench}" section in bench/results.json: no chart`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
