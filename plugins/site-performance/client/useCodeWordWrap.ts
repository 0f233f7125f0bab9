import type { useCodeWordWrap as useThemeCodeWordWrap } from '@docusaurus/theme-common/internal';
import { useCallback, useEffect, useRef, useState } from 'react';

import { useNearViewport } from './useNearViewport';

type WordWrap = ReturnType<typeof useThemeCodeWordWrap>;

/**
 * The theme's useCodeWordWrap (@docusaurus/theme-common 3.10.2) with a bug fixed: the theme
 * watches a block's tab panel only while it is hidden and stops once it is shown, so a block
 * whose tab is hidden again never measures itself anew, and after a resize (a phone turned) its
 * word-wrap button stays gone; test/browser/site.test.ts shows the tab again and waits for it.
 * Here the panel is watched for the block's life. A block measures itself only from when it
 * comes near the screen: the theme's hook measures every block once the page has hydrated, which
 * makes the browser lay out the blocks content-visibility had spared (manifest.json: its figure).
 */
export function useCodeWordWrap(): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement>(null);
  const near = useNearViewport(codeBlockRef);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    if (isEnabled) {
      code.removeAttribute('style');
    } else {
      code.style.whiteSpace = 'pre-wrap';
      // Wrap even a single token longer than the line, so no scrollbar is left.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((value) => !value);
  }, [isEnabled]);

  const updateCodeIsScrollable = useCallback(() => {
    const pre = codeBlockRef.current;
    if (!pre) return;
    setIsCodeScrollable(
      pre.scrollWidth > pre.clientWidth ||
        Boolean(pre.querySelector('code')?.hasAttribute('style')),
    );
  }, []);

  // A block in a hidden tab has no width, so what it measured then is wrong: measure it again
  // each time its tab is shown.
  useEffect(() => {
    if (!near) return undefined;
    const panel = codeBlockRef.current?.closest('[role=tabpanel]');
    if (!panel) return undefined;
    const observer = new MutationObserver(() => {
      if (!panel.hasAttribute('hidden')) updateCodeIsScrollable();
    });
    observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    return () => observer.disconnect();
  }, [near, updateCodeIsScrollable]);

  useEffect(() => {
    if (near) updateCodeIsScrollable();
  }, [near, isEnabled, updateCodeIsScrollable]);

  useEffect(() => {
    if (!near) return undefined;
    window.addEventListener('resize', updateCodeIsScrollable, { passive: true });
    return () => window.removeEventListener('resize', updateCodeIsScrollable);
  }, [near, updateCodeIsScrollable]);

  return { codeBlockRef, isEnabled, isCodeScrollable, toggle };
}
