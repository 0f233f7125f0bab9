// npm run compare-builds -- [--rounds N] [--out FILE] NAME=BUILD ...
//
// How plugins/site-performance/manifest.json's figures are measured: Lighthouse mobile on the
// guide page of several builds of the site, one run of each build per round, interleaved, so that
// the machine's slow and fast moments fall on every build alike. To measure an override, build
// the site with and without it (`npx docusaurus build --out-dir /tmp/without-x` after removing its
// files or alias), then compare the two folders. Each run is a line of --out (JSON lines, kept
// under bench/overrides/); the summary gives medians and, against the first build, the p-value.
import { appendFile, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';

import { parseCli } from '../cli/args';
import { serveBuild } from '../serve/serve-build';
import { runLighthouse } from './site';
import { median, pNoBetter } from './statistics';

const cli = parseCli({
  usage: `usage: npm run compare-builds -- [--rounds N] [--out FILE] NAME=BUILD NAME=BUILD ...

Runs Lighthouse mobile on / of each built site folder BUILD, one run of each per round, and
prints each one's median performance score, total blocking time and largest contentful paint,
with the p-value that the first is no better than each other one.
  --rounds N   rounds (default 7)
  --out FILE   append each run to FILE as a JSON line (e.g. bench/overrides/DAY-WHAT.jsonl)
  -h, --help   print this and exit`,
  options: { rounds: { type: 'string', default: '7' }, out: { type: 'string' } },
  positionals: true,
});

const rounds = Number(cli.values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) cli.usageError(`--rounds must be a whole number ≥ 1`);
if (cli.positionals.length < 2) cli.usageError('name at least two builds, NAME=BUILD');
const builds = cli.positionals.map((spec) => {
  const [name, dir] = spec.split(/=(.*)/s);
  if (!name || !dir) return cli.usageError(`"${spec}" is not NAME=BUILD`);
  return { name, dir: path.resolve(dir) };
});
interface Run {
  readonly performance: number;
  readonly tbtMs: number;
  readonly lcpMs: number;
}

async function main(): Promise<void> {
  for (const { dir } of builds) {
    const index = await stat(path.join(dir, 'index.html')).catch(() => undefined);
    if (!index) cli.usageError(`${dir} has no index.html: build the site there first`);
  }

  const servers = await Promise.all(builds.map(({ dir }) => serveBuild({ dir })));
  const runs = new Map<string, Run[]>(builds.map(({ name }) => [name, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [index, { name }] of builds.entries()) {
        const report = await runLighthouse(new URL('/', servers[index]!.url).href, 'mobile');
        const run: Run = {
          performance: Math.round((report.categories.performance?.score ?? 0) * 100),
          tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? NaN),
          lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? NaN),
        };
        runs.get(name)!.push(run);
        const line = {
          t: new Date().toISOString(),
          round,
          variant: name,
          load: loadavg()[0],
          ...run,
        };
        console.log(JSON.stringify(line));
        if (cli.values.out) await appendFile(cli.values.out, `${JSON.stringify(line)}\n`);
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }

  const [first, ...others] = builds.map(({ name }) => ({ name, runs: runs.get(name)! }));
  const column = (list: readonly Run[], key: keyof Run): number[] => list.map((run) => run[key]);
  for (const build of [first!, ...others]) {
    const p =
      build === first
        ? ''
        : `  p(${first!.name} no better): performance ${pNoBetter(column(first!.runs, 'performance'), column(build.runs, 'performance'), true).toFixed(3)}, TBT ${pNoBetter(column(first!.runs, 'tbtMs'), column(build.runs, 'tbtMs'), false).toFixed(3)}, LCP ${pNoBetter(column(first!.runs, 'lcpMs'), column(build.runs, 'lcpMs'), false).toFixed(3)}`;
    console.log(
      `${build.name}: performance ${median(column(build.runs, 'performance'))} [${column(build.runs, 'performance').join(', ')}], TBT ${median(column(build.runs, 'tbtMs'))} ms, LCP ${median(column(build.runs, 'lcpMs'))} ms${p}`,
    );
  }
}

void main();
