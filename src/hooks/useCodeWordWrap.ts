import type { useCodeWordWrap as useThemeCodeWordWrap } from '@docusaurus/theme-common/internal';
import { useCallback, useEffect, useRef, useState } from 'react';

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
 * options are a constant, and the observer is made only for a block that is in
 * a hidden tab when it mounts.
 */
export function useCodeWordWrap(): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement>(null);

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

  // A block in a hidden tab has no width until its tab is shown: measure it then.
  useEffect(() => {
    const panel = codeBlockRef.current?.closest('[role=tabpanel][hidden]');
    if (!panel) return undefined;
    const observer = new MutationObserver(() => {
      if (panel.hasAttribute('hidden')) return;
      updateCodeIsScrollable();
    });
    observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    return () => observer.disconnect();
  }, [updateCodeIsScrollable]);

  useEffect(() => {
    updateCodeIsScrollable();
  }, [isEnabled, updateCodeIsScrollable]);

  useEffect(() => {
    window.addEventListener('resize', updateCodeIsScrollable, { passive: true });
    return () => window.removeEventListener('resize', updateCodeIsScrollable);
  }, [updateCodeIsScrollable]);

  return { codeBlockRef, isEnabled, isCodeScrollable, toggle };
}
