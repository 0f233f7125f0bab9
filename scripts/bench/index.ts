// npm run bench [-- <name> ...]: runs the named benches (all registered ones
// when none is named), prints each one's figures with the command that
// reproduces each, merges each into bench/results.json, and regenerates the
// charts (static/img/bench/) and the README's "Latest figures" from that file.
import path from 'node:path';

import { parseCli } from '../cli/args';
import { formatValue, writeCharts } from './chart';
import { describeMachine } from './machine';
import { updateReadme } from './readme';
import { benches, findBench, namedOnly } from './registry';
import { mergeResult, readResults, repoRoot, resultsFile } from './results';
import type { Bench, BenchSection, Figure } from './types';

function printTable(name: string, section: BenchSection): void {
  const rows = section.figures.map((figure: Figure) => [
    figure.label,
    formatValue(figure),
    figure.command,
  ]);
  const header = ['Figure', 'Value', 'Reproduce'];
  const widths = [0, 1].map((column) =>
    Math.max(header[column]?.length ?? 0, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: readonly string[]): string =>
    `${(row[0] ?? '').padEnd(widths[0] ?? 0)}  ${(row[1] ?? '').padStart(widths[1] ?? 0)}  ${row[2] ?? ''}`;
  console.log(`\n== ${name}: measured ${section.measuredAt}`);
  console.log(`   machine: ${JSON.stringify(section.machine)}`);
  console.log(`   all figures: ${section.command}\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const note of section.notes ?? []) console.log(`  - ${note}`);
}

function usage(): string {
  const list = (group: readonly Bench[]): string =>
    group.map((bench) => `  ${bench.name.padEnd(14)} ${bench.description}`).join('\n');
  return [
    'usage: npm run bench [-- NAME ...]',
    '',
    'Runs the named benches, or those of the first list when none is named, prints their figures',
    'and records them: bench/results.json, the charts under static/img/bench/, the README.',
    '',
    'Benches (scripts/bench/registry.ts):',
    list(benches),
    '',
    'Run only when named, being slow or destructive:',
    list(namedOnly),
  ].join('\n');
}

function selectBenches(): Bench[] {
  const cli = parseCli({ usage: usage(), options: {}, positionals: true });
  if (cli.positionals.length === 0) return [...benches];
  return cli.positionals.map(
    (name) => findBench(name) ?? cli.usageError(`no bench named "${name}"`),
  );
}

async function main(): Promise<number> {
  const selected = selectBenches();
  let failed = 0;
  for (const bench of selected) {
    console.log(`\n>> bench ${bench.name}: ${bench.description}`);
    try {
      const result = await bench.run();
      const section: BenchSection = {
        measuredAt: new Date().toISOString(),
        machine: describeMachine(),
        command: `npm run bench -- ${bench.name}`,
        figures: result.figures,
        ...(result.notes?.length ? { notes: result.notes } : {}),
      };
      await mergeResult(bench.name, section);
      printTable(bench.name, section);
    } catch (error) {
      failed++;
      console.error(`bench ${bench.name} failed:`, error);
    }
  }
  const results = await readResults();
  const { written, missing } = await writeCharts(results);
  await updateReadme(
    results,
    benches.map((bench) => bench.name),
  );
  console.log(`\nwrote ${path.relative(repoRoot, resultsFile)}, README.md "Latest figures"`);
  for (const file of written) console.log(`wrote ${path.relative(repoRoot, file)}`);
  for (const name of missing) console.log(`no "${name}" section in results.json: no ${name} chart`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
