import type { Props } from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import { Children, isValidElement, type ReactNode } from 'react';

/**
 * The theme's CodeBlock without its remount after hydration.
 *
 * The original keys its content on useIsBrowser(), so every code block mounts a
 * second time once the page has hydrated, to swap the light theme's inline
 * colours for the dark ones. Our Prism theme has no inline colours (see
 * ../prism-theme.ts), so the server's markup is right in both
 * modes and the second mount is pure cost.
 */
export default function CodeBlock({ children: rawChildren, ...props }: Props): ReactNode {
  // As the original: a plain string can be highlighted and copied; React
  // elements are rendered as they are.
  const hasElements = Children.toArray(rawChildren).some((child) => isValidElement(child));
  if (hasElements) return <ElementContent {...props}>{rawChildren}</ElementContent>;
  const code = Array.isArray(rawChildren) ? rawChildren.join('') : (rawChildren as string);
  return <StringContent {...props}>{code}</StringContent>;
}
