// Stands in for theme-common's utils/reactUtils in one upstream file only (see the module rule
// in ../index.ts): contexts/navbarSecondaryMenu/content.js, which the mobile doc sidebar renders
// on every page. Its useShallowMemoObject sorts an object's keys with String#localeCompare, and
// the page's first localeCompare builds the ICU collator: one 100 ms task at phone speed, right
// after hydration. Sorting by code unit memoises the same, since the order only has to be
// stable. (The module's other user, hooks/useMutationObserver.js, serves only the theme's word
// wrap, which client/useCodeWordWrap.ts replaces.)
import { useMemo } from 'react';

export { ReactContextError } from '@docusaurus/theme-common';

export function useShallowMemoObject<O extends object>(obj: O): O {
  const deps = Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => obj, deps.flat());
}
