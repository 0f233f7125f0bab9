// Gives each claim marker of a page its id (an `anchor` attribute), numbered as the list of
// claims numbers it (claimAnchors), so the list links to the very sentence.
import type { Root } from 'mdast';

import { claimAnchors } from './anchors';
import { markersIn, markerTest } from './page-claims';

export function remarkClaimAnchors(): (tree: Root) => void {
  return (tree) => {
    const markers = markersIn(tree).map(({ marker }) => marker);
    const anchors = claimAnchors(markers.map((marker) => markerTest(marker) ?? ''));
    markers.forEach((marker, index) =>
      marker.attributes.push({ type: 'mdxJsxAttribute', name: 'anchor', value: anchors[index] }),
    );
  };
}
