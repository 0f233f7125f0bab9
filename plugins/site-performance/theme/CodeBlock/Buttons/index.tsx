// @theme-init: theme-classic's component (in a plugin's theme, @theme-original is this file).
import Buttons from '@theme-init/CodeBlock/Buttons';
import type { Props } from '@theme/CodeBlock/Buttons';
import { type ReactNode, useRef } from 'react';

import { useNearViewport } from '../../../client/useNearViewport';

/**
 * The theme's copy and word-wrap buttons, mounted once their code block comes
 * near the viewport.
 *
 * The theme renders them in the browser only, all at once when the page has
 * hydrated: on the guide page, some forty groups of buttons with their SVG
 * icons in one long task. They are invisible until the block is hovered or
 * focused, so mounting them as the reader scrolls near costs nothing a reader
 * can see, and the work is spread over small tasks.
 */
export default function LazyButtons(props: Props): ReactNode {
  const placeholder = useRef<HTMLSpanElement>(null);
  const near = useNearViewport(placeholder);
  if (near) return <Buttons {...props} />;
  // Empty and out of flow, but laid out: a display: none element never intersects.
  return (
    <span ref={placeholder} className="code-buttons-placeholder" style={{ position: 'absolute' }} />
  );
}
