// theme-mermaid's component by its file: in a plugin's theme, @theme-original names the plugin's
// own component, and @theme-init the first theme's, theme-classic's stand-in that renders nothing.
import Mermaid from '@docusaurus/theme-mermaid/lib/theme/Mermaid/index.js';
import type { Props } from '@theme/Mermaid';
import { type ReactNode, useRef } from 'react';

import { useNearViewport } from '../../client/useNearViewport';

/**
 * @docusaurus/theme-mermaid's diagram, drawn once it comes near the viewport.
 *
 * The theme imports mermaid (about 1.3 MB of JavaScript) and lays the diagram
 * out right after hydration, in long main-thread tasks, even when the diagram
 * is screens below what the reader sees: on the guide page that was most of
 * Lighthouse's total blocking time on mobile. Here the theme's own component
 * mounts when the diagram's place is within one viewport height of the
 * viewport, so it is drawn before the reader scrolls to it, and the layout
 * shift it causes happens off screen.
 */
export default function LazyMermaid(props: Props): ReactNode {
  const placeholder = useRef<HTMLDivElement>(null);
  const near = useNearViewport(placeholder);
  if (near) return <Mermaid {...props} />;
  return <div ref={placeholder} className="mermaid-placeholder" />;
}
