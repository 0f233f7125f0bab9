// The ids that tie a claim's marker to its row in the list and back: the marker of a test on a
// page is `claim-…`, its row on "How this guide is tested" is `proof-PAGE-…`. Run in the
// browser as in the build, so it imports nothing.

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The ids of a page's markers, given the tests they name in the page's order: a test's second
 * marker on one page gets `-2`, so every id on the page is its own.
 */
export function claimAnchors(tests: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return tests.map((test) => {
    const count = (seen.get(test) ?? 0) + 1;
    seen.set(test, count);
    return `claim-${slug(test)}${count === 1 ? '' : `-${count}`}`;
  });
}

/** The id of the row, in the list of claims, of this test named on this page (a doc's id). */
export const proofAnchor = (page: string, test: string): string => `proof-${page}-${slug(test)}`;

/** The page that lists every claim, where each marker links to. */
export const claimsListPath = '/how-this-guide-is-tested';
