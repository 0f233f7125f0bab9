// Whether React is still hydrating the document's server-rendered HTML.
//
// A client module (the plugin's getClientModules, ./index.ts): Docusaurus calls
// onRouteDidUpdate in a layout effect of every route's commit, the first one
// being the hydration's. Anything rendered before that is being hydrated from
// the server's HTML; anything rendered after (a client-side navigation) is not.
let hydrationCommitted = false;

export function isHydrating(): boolean {
  return typeof document !== 'undefined' && !hydrationCommitted;
}

export function onRouteDidUpdate(): void {
  hydrationCommitted = true;
}
