import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import { useAllDocsData } from '@docusaurus/plugin-content-docs/client';
import type { ReactNode } from 'react';

import { useClaimsData } from './claims-data';
import styles from './claims.module.css';

/** The row of one test: its name, linked to its source, and what the last recording run said. */
function Proof({ test, row }: { test: string; row: string | undefined }): ReactNode {
  const { tests, sourceUrl } = useClaimsData();
  const proof = tests[test]!;
  const brokenLinks = useBrokenLinks();
  if (row !== undefined) brokenLinks.collectAnchor(row);
  return (
    <>
      <a href={`${sourceUrl}${proof.file}#L${proof.line}`} id={row}>
        <code>{test}</code>
      </a>
      <br />
      <span className={styles.result}>{proof.result}</span>
    </>
  );
}

/** Every claim of every page, with the test that proves it: made by plugins/claims at build time. */
export default function ClaimsList(): ReactNode {
  const { pages } = useClaimsData();
  const docs = useAllDocsData()['default']?.versions[0]?.docs ?? [];
  return (
    <>
      {pages.map((page) => {
        const path = docs.find((doc) => doc.id === page.id)?.path ?? '/';
        const seen = new Set<string>();
        return (
          <div key={page.id} className={styles.page}>
            <p>
              <Link to={path}>
                <strong>{page.title}</strong>
              </Link>
              : {page.claims.length} claim{page.claims.length === 1 ? '' : 's'}
            </p>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>Claim</th>
                  <th>Test, and its last recorded result</th>
                </tr>
              </thead>
              <tbody>
                {page.claims.map((claim) => {
                  const row = seen.has(claim.test) ? undefined : claim.row;
                  seen.add(claim.test);
                  return (
                    <tr key={`${claim.line}`}>
                      <td>
                        <Link to={`${path}#${claim.anchor}`}>{claim.sentence}</Link>
                      </td>
                      <td>
                        <Proof test={claim.test} row={row} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
