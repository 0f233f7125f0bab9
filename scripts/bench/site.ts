// The site bench: how long a production build takes with and without
// Docusaurus Faster, how much JavaScript the guide page loads before and after
// its mermaid diagram draws, and the guide page's Lighthouse scores.
//
// It drives the browser test's helpers (Debian's chromium, build/ served on
// 127.0.0.1 as `npm start` serves it: compressed, as any host serves a site)
// and leaves build/ holding a Faster build.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';

import { CHROMIUM, CHROMIUM_ARGS, launchChromium } from '../browser/chromium';
import { waitForDiagram } from '../browser/diagram';
import { buildSite, serveSite } from '../serve/site-server';
import { repoRoot } from './results';
import type { Bench, BenchResult, Figure } from './types';
import { median } from './statistics';

const RUNS = 3;
// Lighthouse's own advice on variability: the median of five runs. One run on a shared
// machine swings by ten points or more.
const LIGHTHOUSE_RUNS = 5;
const docusaurus = path.join(repoRoot, 'node_modules', '.bin', 'docusaurus');
const lighthouseBin = path.join(repoRoot, 'node_modules', '.bin', 'lighthouse');
const execFileAsync = promisify(execFile);

/** The chrome flags of scripts/browser/chromium.ts, in the new headless mode Lighthouse wants. */
const LIGHTHOUSE_CHROME_FLAGS = [
  '--headless=new',
  ...CHROMIUM_ARGS.filter((flag) => flag !== '--headless'),
].join(' ');

const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function log(message: string): void {
  process.stderr.write(`[bench site] ${message}\n`);
}

// --- Build time ---------------------------------------------------------

interface BuildVariant {
  readonly name: 'default' | 'faster';
  readonly label: string;
  /** DOCUSAURUS_FASTER, read by docusaurus.config.ts. */
  readonly faster: 'false' | 'true';
}

const BUILD_VARIANTS: readonly BuildVariant[] = [
  { name: 'default', label: 'webpack, Babel, Terser', faster: 'false' },
  { name: 'faster', label: 'Docusaurus Faster: Rspack, SWC, Lightning CSS', faster: 'true' },
];

/** The command a person runs to time one build, as the bench does. */
function buildCommand(variant: BuildVariant): string {
  return `time DOCUSAURUS_NO_PERSISTENT_CACHE=1 DOCUSAURUS_FASTER=${variant.faster} npx docusaurus build --out-dir /tmp/bench-build`;
}

/**
 * Wall-clock seconds of `docusaurus build`, cold: no persistent bundler cache
 * (DOCUSAURUS_NO_PERSISTENT_CACHE), as on a fresh clone in CI. It builds into a
 * temporary folder, so build/ (which tests may be serving) is left alone.
 */
async function timeBuild(variant: BuildVariant): Promise<number> {
  const outDir = await mkdtemp(path.join(tmpdir(), `bench-build-${variant.name}-`));
  try {
    const start = performance.now();
    const result = spawnSync(docusaurus, ['build', '--out-dir', outDir], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        DOCUSAURUS_FASTER: variant.faster,
        DOCUSAURUS_NO_PERSISTENT_CACHE: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - start) / 1000;
    if (result.error) throw result.error;
    if (result.status !== 0) {
      throw new Error(
        `docusaurus build (${variant.name}) failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
      );
    }
    return seconds;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function measureBuilds(): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const variant of BUILD_VARIANTS) {
    const samples: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      log(`build ${variant.name}, run ${run} of ${RUNS}`);
      samples.push(await timeBuild(variant));
    }
    figures.push({
      key: `build.${variant.name}.seconds`,
      label: `Production build, ${variant.label} (median of ${RUNS}, cold)`,
      value: round(median(samples), 1),
      unit: 's',
      command: buildCommand(variant),
    });
    notes.push(
      `Build ${variant.name} runs: ${samples.map((s) => `${s.toFixed(1)} s`).join(', ')}.`,
    );
  }
  return { figures, notes };
}

// --- JavaScript the guide page loads ------------------------------------

/**
 * Runs in the page before any of its scripts. webpack's and Rspack's chunk
 * loaders add a <script> to <head> for every lazily loaded chunk; this records,
 * for each, whether React had hydrated the page yet. Hydration is when
 * `hydrateRoot` marks #__docusaurus with a `__reactContainer$…` key; the mermaid
 * theme imports mermaid in an effect, after hydration, so every chunk inserted
 * after that moment is loaded for the diagram (or later), not to show the page.
 *
 * A string, not a function: tsx compiles functions with a `__name` helper that
 * does not exist in the page, and the script would throw there.
 */
const RECORD_SCRIPT_PHASES = `(() => {
  const phases = {};
  window.__benchScriptPhases = phases;
  const hydrated = () => {
    const root = document.getElementById('__docusaurus');
    return root !== null && Object.keys(root).some((key) => key.startsWith('__reactContainer'));
  };
  const record = (node) => {
    if (node instanceof HTMLScriptElement && node.src) phases[node.src] = hydrated() ? 'after' : 'before';
  };
  const append = Node.prototype.appendChild;
  const insertBefore = Node.prototype.insertBefore;
  Node.prototype.appendChild = function (node) {
    record(node);
    return append.call(this, node);
  };
  Node.prototype.insertBefore = function (node, child) {
    record(node);
    return insertBefore.call(this, node, child);
  };
})();`;

interface LoadedScript {
  readonly url: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** A <script> run by the page, or a `<link rel=prefetch>` for another page. */
  readonly kind: 'script' | 'prefetch';
}

interface JsTotals {
  readonly count: number;
  readonly bytes: number;
  readonly gzipBytes: number;
}

function total(scripts: readonly LoadedScript[]): JsTotals {
  return {
    count: scripts.length,
    bytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
    gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
  };
}

async function measureJavaScript(siteUrl: string): Promise<{ figures: Figure[]; notes: string[] }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ content: RECORD_SCRIPT_PHASES });
    const pending: Promise<LoadedScript | undefined>[] = [];
    page.on('response', (response) => {
      const url = response.url();
      const type = response.request().resourceType();
      if (!new URL(url).pathname.endsWith('.js')) return;
      // The file the server sent, read from build/: Chromium gives no body for a prefetch.
      pending.push(
        readFile(path.join(repoRoot, 'build', decodeURIComponent(new URL(url).pathname))).then(
          (body) => ({
            url,
            bytes: body.length,
            gzipBytes: gzipSync(body).length,
            kind: type === 'script' ? 'script' : 'prefetch',
          }),
          () => undefined,
        ),
      );
    });
    await page.goto(new URL('/', siteUrl).href, { waitUntil: 'load' });
    await waitForDiagram(page);
    await page.waitForLoadState('networkidle');
    const phases = await page.evaluate(
      () =>
        (window as unknown as { __benchScriptPhases?: Record<string, 'before' | 'after'> })
          .__benchScriptPhases,
    );
    if (!phases) throw new Error('the script-phase recorder did not run in the page');
    const loaded = (await Promise.all(pending)).filter((s): s is LoadedScript => !!s);
    await context.close();

    const scripts = loaded.filter((s) => s.kind === 'script');
    // Scripts not inserted by a chunk loader are the <script defer> tags in the HTML.
    const before = total(scripts.filter((s) => (phases[s.url] ?? 'before') === 'before'));
    const after = total(scripts);
    const prefetched = total(loaded.filter((s) => s.kind === 'prefetch'));
    const command = 'npm run bench -- site';
    const figures: Figure[] = [
      {
        key: 'js.beforeDiagram.bytes',
        label: `JS the guide page loads before the diagram draws (${before.count} files), uncompressed`,
        value: before.bytes,
        unit: 'bytes',
        command,
      },
      {
        key: 'js.beforeDiagram.gzipBytes',
        label: 'JS before the diagram draws, gzip',
        value: before.gzipBytes,
        unit: 'bytes',
        command,
      },
      {
        key: 'js.afterDiagram.bytes',
        label: `JS the guide page has loaded once the diagram is drawn (${after.count} files), uncompressed`,
        value: after.bytes,
        unit: 'bytes',
        command,
      },
      {
        key: 'js.afterDiagram.gzipBytes',
        label: 'JS once the diagram is drawn, gzip',
        value: after.gzipBytes,
        unit: 'bytes',
        command,
      },
    ];
    const notes = [
      'JS sizes: the files under build/ of the .js responses Chromium got for http://127.0.0.1/ (1280×900, light); gzip is zlib level 6 of each file (the server sends brotli, a little smaller).',
      `"Before the diagram" counts the scripts in the HTML and the chunks inserted before React hydrated; mermaid is imported after hydration.`,
      `Also prefetched for other pages (not run): ${prefetched.count} files, ${prefetched.bytes} bytes.`,
    ];
    return { figures, notes };
  } finally {
    await browser.close();
  }
}

// --- Lighthouse ---------------------------------------------------------

type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];
type FormFactor = 'mobile' | 'desktop';

function lighthouseArgs(url: string, formFactor: FormFactor, outputPath?: string): string[] {
  return [
    url,
    `--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`,
    `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ...(outputPath ? ['--output=json', `--output-path=${outputPath}`, '--quiet'] : []),
  ];
}

/** Builds, serves build/ on port 3000 as `npm start` does, runs Lighthouse once, stops the server. */
function lighthouseCommand(formFactor: FormFactor): string {
  const preset = formFactor === 'desktop' ? ' --preset=desktop' : '';
  return (
    'npm run build && { node_modules/.bin/tsx scripts/serve/cli.ts & sleep 5; ' +
    `CHROME_PATH=${CHROMIUM} npx lighthouse http://127.0.0.1:3000/ --only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}` +
    `${preset} --chrome-flags="${LIGHTHOUSE_CHROME_FLAGS}"; kill $!; }`
  );
}

export interface LighthouseReport {
  readonly categories: Record<string, { readonly score: number | null }>;
  readonly audits: Record<
    string,
    {
      readonly score: number | null;
      readonly title: string;
      readonly displayValue?: string;
      readonly numericValue?: number;
    }
  >;
}

export async function runLighthouse(
  url: string,
  formFactor: FormFactor,
): Promise<LighthouseReport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-lighthouse-'));
  try {
    const output = path.join(dir, 'report.json');
    // Asynchronous on purpose: the site's server runs in this process, and a synchronous
    // spawn would block its event loop, so Lighthouse would wait on a page that never comes.
    try {
      await execFileAsync(lighthouseBin, lighthouseArgs(url, formFactor, output), {
        cwd: repoRoot,
        env: { ...process.env, CHROME_PATH: CHROMIUM },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 300_000,
      });
    } catch (error) {
      const failed = error as { code?: unknown; stdout?: string; stderr?: string };
      throw new Error(
        `lighthouse failed (exit ${String(failed.code)}):\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
      );
    }
    return JSON.parse(await readFile(output, 'utf8')) as LighthouseReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The audits that cost points in a report, for the notes. */
function failingAudits(report: LighthouseReport): string[] {
  return Object.entries(report.audits)
    .filter(([, audit]) => audit.score !== null && audit.score < 0.9)
    .map(([id, audit]) => `${id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
}

async function measureLighthouse(siteUrl: string): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const url = new URL('/', siteUrl).href;
  for (const formFactor of ['mobile', 'desktop'] as const) {
    const reports: LighthouseReport[] = [];
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
      log(`lighthouse ${formFactor}, run ${run} of ${LIGHTHOUSE_RUNS}`);
      reports.push(await runLighthouse(url, formFactor));
    }
    for (const category of LIGHTHOUSE_CATEGORIES satisfies readonly Category[]) {
      const scores = reports.map((report) => {
        const score = report.categories[category]?.score;
        if (score === null || score === undefined) {
          throw new Error(`lighthouse gave no ${category} score (${formFactor})`);
        }
        return Math.round(score * 100);
      });
      figures.push({
        key: `lighthouse.${formFactor}.${category}`,
        label: `Lighthouse ${category}, ${formFactor === 'mobile' ? 'mobile (default: simulated slow 4G, 4× CPU slowdown)' : 'desktop preset'} (median of ${LIGHTHOUSE_RUNS})`,
        value: median(scores),
        unit: 'score',
        command: lighthouseCommand(formFactor),
      });
      notes.push(`Lighthouse ${formFactor} ${category} runs: ${scores.join(', ')}.`);
    }
    const last = reports[reports.length - 1];
    if (last) {
      const failing = failingAudits(last);
      notes.push(
        `Lighthouse ${formFactor} audits under 0.9 in the last run: ${failing.length ? failing.join(', ') : 'none'}.`,
      );
    }
  }
  return { figures, notes };
}

// --- The bench ----------------------------------------------------------

export const siteBench: Bench = {
  name: 'site',
  description:
    'Build time with and without Docusaurus Faster, JS the guide page loads, Lighthouse scores',
  async run(): Promise<BenchResult> {
    const builds = await measureBuilds();
    // build/ gets the Faster build, the one the site ships; the page figures are of it.
    log('build into build/ (Faster) for the page figures');
    await buildSite();
    const site = await serveSite();
    try {
      log('JS the guide page loads');
      const js = await measureJavaScript(site.url);
      const lighthouse = await measureLighthouse(site.url);
      return {
        figures: [...builds.figures, ...js.figures, ...lighthouse.figures],
        notes: [...builds.notes, ...js.notes, ...lighthouse.notes],
      };
    } finally {
      await site.stop();
    }
  },
};
