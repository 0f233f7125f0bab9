/**
 * npm run snippets            regenerate examples/generated from the marked sources
 * npm run snippets -- --check write nothing; exit 1 if anything generated is stale,
 *                             missing or orphaned (for CI and pre-commit)
 * Both accept --root DIR (default: <repo>/examples) so tests can use a temp tree.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { SnippetError } from './regions';
import { applyTree, compareTree, GENERATED_DIR, planTree } from './tree';

const USAGE = 'usage: tsx scripts/snippets/cli.ts [--check] [--root DIR]';
const FIX_HINT = 'fix: run npm run snippets (then commit examples/generated)';

interface Options {
  check: boolean;
  root: string;
}

function parseArgs(argv: readonly string[]): Options {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const options: Options = { check: false, root: path.resolve(here, '..', '..', 'examples') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') options.check = true;
    else if (arg === '--root') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError('--root needs a directory');
      options.root = path.resolve(value);
    } else if (arg?.startsWith('--root=')) options.root = path.resolve(arg.slice('--root='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown argument: ${arg}`);
  }
  return options;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
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
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    const errors = error instanceof AggregateError ? error.errors : [error];
    for (const e of errors) console.error(e instanceof SnippetError ? `error: ${e.message}` : e);
    process.exit(1);
  },
);
