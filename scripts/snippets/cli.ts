/**
 * npm run snippets            regenerate examples/generated from the marked sources
 * npm run snippets -- --check write nothing; exit 1 if anything generated is stale,
 *                             missing or orphaned (for CI and pre-commit)
 * Both accept --root DIR (default: <repo>/examples) so tests can use a temp tree.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseCli } from '../cli/args';
import { SnippetError } from './regions';
import { applyTree, compareTree, GENERATED_DIR, planTree } from './tree';

const USAGE = `usage: npm run snippets [-- --check] [-- --root DIR]

Regenerates examples/generated/ from the named regions of the scripts under examples/.
  --check     write nothing; exit 1 if a generated file is stale, missing or orphaned
  --root DIR  the examples folder to work on (default: examples/ of this repository)
  -h, --help  print this and exit`;
const FIX_HINT = 'fix: run npm run snippets (then commit examples/generated)';

interface Options {
  check: boolean;
  root: string;
}

function readOptions(): Options {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { values } = parseCli({
    usage: USAGE,
    options: {
      check: { type: 'boolean', default: false },
      root: { type: 'string', default: path.resolve(here, '..', '..', 'examples') },
    },
  });
  return { check: values.check, root: path.resolve(values.root) };
}

async function main(): Promise<number> {
  const options = readOptions();
  // Paths in messages are relative to where the person ran the command, so they are clickable.
  // Outside the working directory (a test's temp tree) an absolute path reads better than ../../..
  const relative = path.relative(process.cwd(), options.root);
  const shownRoot = relative === '' ? '.' : relative.startsWith('..') ? options.root : relative;
  const shownGenerated = path.join(shownRoot, GENERATED_DIR);

  const plan = await planTree(options.root, shownRoot);
  const drift = await compareTree(options.root, plan);
  const problems = drift.stale.length + drift.missing.length + drift.orphan.length;

  if (options.check) {
    if (problems === 0) {
      console.log(`snippets: ${plan.files.size} generated files are up to date`);
      return 0;
    }
    for (const rel of drift.stale) {
      console.error(
        `stale:   ${path.join(shownGenerated, rel)} (from ${path.join(shownRoot, plan.producers.get(rel) ?? '?')})`,
      );
    }
    for (const rel of drift.missing) {
      console.error(
        `missing: ${path.join(shownGenerated, rel)} (from ${path.join(shownRoot, plan.producers.get(rel) ?? '?')})`,
      );
    }
    for (const rel of drift.orphan) {
      console.error(`orphan:  ${path.join(shownGenerated, rel)} (no source produces it any more)`);
    }
    console.error(FIX_HINT);
    return 1;
  }

  await applyTree(options.root, plan, drift);
  console.log(
    `snippets: ${plan.files.size} generated files; wrote ${drift.missing.length + drift.stale.length}, ` +
      `deleted ${drift.orphan.length} orphan(s)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const errors = error instanceof AggregateError ? error.errors : [error];
    for (const e of errors) console.error(e instanceof SnippetError ? `error: ${e.message}` : e);
    process.exit(1);
  },
);
