/**
 * Wraps the theme's CodeBlock/Content (@docusaurus/theme-classic 3.10.2) so that a code block
 * being hydrated keeps the server's highlighted <pre> as it is. Hydrating the theme's component
 * tokenises the code again with Prism and makes a fiber for every line and token; here the
 * <pre> is adopted whole (an empty dangerouslySetInnerHTML): no Prism, no fibers, and the
 * server's markup, which already is the theme's, stays. A block rendered in the browser (after
 * a client-side navigation) is the theme's component.
 */
import React, { type ComponentType, type ReactNode, useLayoutEffect, useState } from 'react';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/CodeBlock/Content';

let ThemeContent: ComponentType<Props> | undefined;

/**
 * The theme's component, and Prism with it, evaluated when a block is first rendered in the
 * browser instead of when the site's code starts: prism-react-renderer registers every bundled
 * language when it is evaluated, which was most of the main bundle's start-up task on a phone.
 * The theme's start-up module that registered the site's extra languages is an empty one in the
 * browser bundle (../../../index.ts); this does its work. `require` keeps the modules in this
 * chunk and the first render synchronous.
 */
function themeContent(): ComponentType<Props> {
  if (!ThemeContent) {
    const { Prism } = require('prism-react-renderer') as typeof import('prism-react-renderer');
    (require('@theme/prism-include-languages') as { default: (prism: unknown) => void }).default(
      Prism,
    );
    ThemeContent = (require('@theme-init/CodeBlock/Content') as { default: typeof ThemeContent })
      .default;
  }
  return ThemeContent!;
}

export default function CodeBlockContent(props: Props): ReactNode {
  const { wordWrap } = useCodeBlockContext();
  // The server renders the theme's component. In the browser, a block being hydrated finds the
  // server's markup in its <pre>; one rendered there (after a client-side navigation) finds it
  // empty, and renders the theme's component instead before the browser paints.
  const [adopted, setAdopted] = useState(() => typeof document !== 'undefined');
  useLayoutEffect(() => {
    if (!wordWrap.codeBlockRef.current?.hasChildNodes()) setAdopted(false);
  }, [wordWrap.codeBlockRef]);
  if (!adopted) {
    const Content = themeContent();
    return <Content {...props} />;
  }
  return (
    <pre
      ref={wordWrap.codeBlockRef}
      dangerouslySetInnerHTML={{ __html: '' }}
      suppressHydrationWarning
    />
  );
}
