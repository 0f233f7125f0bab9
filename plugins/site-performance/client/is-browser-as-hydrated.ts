// Stands in for @docusaurus/useIsBrowser in two upstream files only, theme-classic's Tabs and
// CodeBlock (see the module rule in ../index.ts), which use it for nothing but a `key` that
// turns from "false" to "true" once the page has hydrated: every tab group and code block is
// thrown away and mounted again, in one long main-thread task. Here it stays what it was during
// hydration, so each keeps the DOM it hydrated. What the remount was for is done otherwise: a
// stored tab choice is applied in a layout effect by useTabsContextValue, and code colours are a
// stylesheet (../prism-theme.ts), right in both colour modes.
export default function useIsBrowser(): boolean {
  return false;
}
