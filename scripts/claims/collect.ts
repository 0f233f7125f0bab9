// Everything the list of claims shows, checked: each page's markers, the test each names, and
// what the last recording run said of it. A marker that names no test is an error that lists
// every such marker, which fails `npm run build` (plugins/claims) and the fast lane alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { listMdxFiles } from '../docs-rules/docs-files';
import { claimAnchors, proofAnchor } from './anchors';
import { pageClaims, unknownTests } from './page-claims';
import { readResults, resultOf } from './results';
import { guideTestNames } from './test-names';

export interface ListedClaim {
  readonly line: number;
  readonly sentence: string;
  readonly test: string;
  /** The marker's id on its page. */
  readonly anchor: string;
  /** Its row's id in the list; the first of a page's claims a test proves has it. */
  readonly row: string;
}

export interface ListedPage {
  /** The doc's id: its file name without `.mdx`. */
  readonly id: string;
  readonly title: string;
  readonly claims: readonly ListedClaim[];
}

export interface ListedTest {
  readonly file: string;
  readonly line: number;
  readonly result: string;
}

export interface ClaimsData {
  readonly pages: readonly ListedPage[];
  readonly tests: Readonly<Record<string, ListedTest>>;
  /** Where a test's source is read: the repository's main branch, to which `file#Lline` is added. */
  readonly sourceUrl: string;
}

export class UnknownTestError extends Error {}

function titleOf(file: string): string {
  const match = /^---\n[\s\S]*?^title:\s*(.+)$[\s\S]*?^---$/m.exec(readFileSync(file, 'utf8'));
  return match?.[1]?.trim() ?? path.basename(file, '.mdx');
}

export async function collectClaims(rootDir: string, sourceUrl: string): Promise<ClaimsData> {
  const files = (await listMdxFiles(path.join(rootDir, 'docs'))).filter(
    (file) => !path.basename(file).startsWith('_'),
  );
  const claims = pageClaims(rootDir, files);
  const tests = guideTestNames(rootDir);
  const unknown = unknownTests(claims, tests);
  if (unknown.length > 0)
    throw new UnknownTestError(
      `${unknown.length} claim marker(s) name a test that does not exist:\n${unknown.join('\n')}`,
    );
  const results = readResults(rootDir);
  const named = new Set(claims.map((claim) => claim.test));
  return {
    pages: files
      .map((file) => {
        const page = path.relative(rootDir, file).split(path.sep).join('/');
        const onPage = claims.filter((claim) => claim.page === page);
        const anchors = claimAnchors(onPage.map((claim) => claim.test));
        return {
          id: path.basename(file, '.mdx'),
          title: titleOf(file),
          claims: onPage.map(({ line, sentence, test }, index) => ({
            line,
            sentence,
            test,
            anchor: anchors[index]!,
            row: proofAnchor(path.basename(file, '.mdx'), test),
          })),
        };
      })
      .filter((page) => page.claims.length > 0),
    tests: Object.fromEntries(
      [...tests.values()]
        .filter((test) => named.has(test.id))
        .map((test) => [
          test.id,
          {
            file: test.file,
            line: test.line,
            result: resultOf(results, test.id),
          },
        ]),
    ),
    sourceUrl,
  };
}
