import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import type { ReactNode } from 'react';

import { claimsListPath, proofAnchor } from '@site/scripts/claims/anchors';
import { useClaimsData } from './claims-data';
import styles from './claims.module.css';

/**
 * The marker after a sentence that says how the system behaves: a check mark linking to the
 * test that proves it, in the list of claims. The build has already refused a name that is no test.
 */
export default function Claim({ test, anchor }: { test: string; anchor?: string }): ReactNode {
  const page = useDoc().metadata.id;
  // The id the build gave this marker (scripts/claims/remark-claim-anchors.ts), which the list links to.
  useBrokenLinks().collectAnchor(anchor);
  const result = useClaimsData().tests[test]?.result ?? 'not recorded yet';
  const label = `Proved by the test “${test}”: ${result}`;
  return (
    <sup className={styles.marker} id={anchor}>
      <Link to={`${claimsListPath}#${proofAnchor(page, test)}`} title={label} aria-label={label}>
        ✓
      </Link>
    </sup>
  );
}
