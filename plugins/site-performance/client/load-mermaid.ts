// Stands in, in the browser bundle only, for @docusaurus/theme-mermaid's
// loadMermaid (lib/client/loadMermaid.js): mermaid, imported on first use,
// together with d3-transition.
//
// mermaid shows a node's title in a tooltip on mouseover, fading it in with
// selection.transition(), the method d3-transition adds to d3-selection's
// prototype when it is evaluated. mermaid imports d3 by its index, which d3's
// package marks free of side effects, so the bundler leaves out the index and
// what only the index imports, d3-transition's patch among them: hovering a
// node of the diagram threw "e.transition is not a function". Imported here,
// the patch has run before mermaid draws anything.
//
// The theme's ELK layouts are left out: this site aliases @mermaid-js/layout-elk
// to an empty module (../index.ts).
import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | undefined;

async function load(): Promise<Mermaid> {
  const [{ default: mermaid }] = await Promise.all([import('mermaid'), import('d3-transition')]);
  return mermaid;
}

export function loadMermaid(): Promise<Mermaid> {
  loading ??= load();
  return loading;
}
