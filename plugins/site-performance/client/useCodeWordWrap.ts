import type { useCodeWordWrap as useThemeCodeWordWrap } from '@docusaurus/theme-common/internal';
import { useCallback, useEffect, useRef, useState } from 'react';

import { useNearViewport } from './useNearViewport';

type WordWrap = ReturnType<typeof useThemeCodeWordWrap>;

/**
 * The theme's useCodeWordWrap (@docusaurus/theme-common 3.10), same behaviour,
 * without its per-block cost at hydration.
 *
 * The theme watches a code block in a hidden tab through useMutationObserver,
 * which memoises its options with useShallowMemoObject: a sort by
 * String#localeCompare on every render of every code block. The first
 * localeCompare builds an ICU collator, about 70 ms on a phone-speed CPU, in
 * the middle of hydration, where it cannot be split. Here the observer's
 * options are a constant.
 *
 * The theme also measures every block as the page hydrates, and each block
 * wider than its box renders again to say so: on a phone, 25 code blocks in
 * the task after hydration. Only the word-wrap button reads the measure, and
 * it mounts as its block comes near the screen (theme/CodeBlock/Buttons),
 * so here a block is measured from then on.
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
