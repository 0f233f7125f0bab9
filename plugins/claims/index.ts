// The list of claims, made at build time: every page's markers and the tests they name
// (scripts/claims/collect.ts), handed to the site as global data for src/components/Claim and
// ClaimsList. A marker that names no test throws here, so `npm run build` fails with its page,
// its line and the names it could have meant.
import path from 'node:path';

import type { LoadContext, Plugin } from '@docusaurus/types';

import { collectClaims, type ClaimsData } from '../../scripts/claims/collect';
import { resultsFile } from '../../scripts/claims/results';
import { guideTestsDir } from '../../scripts/claims/test-names';

export interface ClaimsOptions {
  /** Where a test's source is read, to which `test/guide/x.test.ts#L12` is added. */
  readonly sourceUrl: string;
}

export default function claimsPlugin(options: ClaimsOptions): (context: LoadContext) => Plugin {
  return (context) => ({
    name: 'claims',
    loadContent: (): Promise<ClaimsData> => collectClaims(context.siteDir, options.sourceUrl),
    contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
    getPathsToWatch: () => [
      path.join(context.siteDir, 'docs', '**', '*.mdx'),
      path.join(context.siteDir, guideTestsDir, '*.test.ts'),
      path.join(context.siteDir, resultsFile),
    ],
  });
}
