// Gives each claim marker of a page its id (an `anchor` attribute), numbered as the list of
// claims numbers it (claimAnchors), so the list links to the very sentence.
import type { Root } from 'mdast';

import { claimAnchors } from './anchors';
import { markerName } from './page-claims';

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: JsxNode[];
}

export function remarkClaimAnchors(): (tree: Root) => void {
  return (tree) => {
    const markers: JsxNode[] = [];
    const visit = (node: JsxNode): void => {
      if (
        (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
        node.name === markerName
      )
        markers.push(node);
      node.children?.forEach(visit);
    };
    visit(tree as unknown as JsxNode);
    const tests = markers.map((marker) => marker.attributes?.find((a) => a.name === 'test')?.value);
    const anchors = claimAnchors(tests.map((test) => (typeof test === 'string' ? test : '')));
    markers.forEach((marker, index) =>
      marker.attributes?.push({ type: 'mdxJsxAttribute', name: 'anchor', value: anchors[index] }),
    );
  };
}
