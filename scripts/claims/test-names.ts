// The names of the tests a page may name as a claim's proof, read from the test files' source
// without running them: the build and the fast lane know them with no Docker. Only the tests of
// test/guide/ can prove how the system behaves, because only they run it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

/** Where a claim's proof lives: `failover > 03–04 lose the primary …` is test/guide/failover.test.ts. */
export const guideTestsDir = path.join('test', 'guide');

export interface TestName {
  /** What a marker writes: the file's name without `.test.ts`, ` > `, the test's title. */
  readonly id: string;
  /** Relative to the repository, with `/`. */
  readonly file: string;
  readonly line: number;
}

/** A test's id, as a marker names it: `failover > 08 the fenced old primary, …`. */
export const testId = (stem: string, title: string): string => `${stem} > ${title}`;

/** The file (its name without `.test.ts`) and the title a test's id names. */
export function splitTestId(id: string): { file: string; title: string } {
  const at = id.indexOf(' > ');
  return at < 0 ? { file: id, title: '' } : { file: id.slice(0, at), title: id.slice(at + 3) };
}

/** `it`, `test`, and their `.skip`, `.only`, `.skipIf(c)`, `.runIf(c)`, `.sequential` forms. */
function isTestCall(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === 'it' || callee.text === 'test';
  if (ts.isPropertyAccessExpression(callee)) return isTestCall(callee.expression);
  if (ts.isCallExpression(callee)) return isTestCall(callee.expression);
  return false;
}

/**
 * The tests of one file whose title is written out (a string, or a template with nothing put
 * in it). A title built at run time cannot be named by a page, so it is not listed.
 */
export function testNamesIn(source: string, file: string): TestName[] {
  const stem = path.basename(file).replace(/\.test\.ts$/, '');
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const names: TestName[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTestCall(node.expression)) {
      const title = node.arguments[0];
      if (title !== undefined && ts.isStringLiteralLike(title)) {
        const { line } = sourceFile.getLineAndCharacterOfPosition(title.getStart());
        names.push({ id: testId(stem, title.text), file, line: line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** Every nameable test of test/guide/, by id; two tests of one file with one title are an error. */
export function guideTestNames(rootDir: string): Map<string, TestName> {
  const dir = path.join(rootDir, guideTestsDir);
  const names = new Map<string, TestName>();
  for (const entry of readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()) {
    const file = path.posix.join('test', 'guide', entry);
    for (const name of testNamesIn(readFileSync(path.join(dir, entry), 'utf8'), file)) {
      const before = names.get(name.id);
      if (before !== undefined)
        throw new Error(
          `${file}:${name.line} and line ${before.line} have the same title, so a page cannot name one of them: give each its own`,
        );
      names.set(name.id, name);
    }
  }
  return names;
}
