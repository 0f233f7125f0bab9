// npm run bench [-- <name> ...]: runs the named benches (all registered ones
// when none is named), prints each one's figures with the command that
// reproduces each, merges each into bench/results.json, and regenerates the
// charts (static/img/bench/) and the README's "Latest figures" from that file.
import path from 'node:path';

import { formatValue, writeCharts } from './chart';
import { describeMachine } from './machine';
import { updateReadme } from './readme';
import { benches, findBench } from './registry';
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

function selectBenches(names: readonly string[]): Bench[] {
  if (names.length === 0) return [...benches];
  return names.map((name) => {
    const bench = findBench(name);
    if (!bench) {
      throw new Error(
        `no bench named "${name}"; registered: ${benches.map((b) => b.name).join(', ')} (scripts/bench/registry.ts)`,
      );
    }
    return bench;
  });
}

async function main(): Promise<number> {
  const selected = selectBenches(process.argv.slice(2).filter((arg) => arg !== '--'));
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
