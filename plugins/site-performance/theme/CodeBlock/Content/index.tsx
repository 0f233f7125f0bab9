/**
 * The theme's CodeBlock/Content (ejected from @docusaurus/theme-classic 3.10),
 * changed to keep the server's highlighted markup when it hydrates (see
 * useAdoptedServerMarkup and client/load-highlight.ts), and to
 * write a block with no line numbers or highlighted lines as runs of text and
 * coloured tokens (client/token-runs.ts).
 */
import React, { type ComponentProps, type ReactNode, useState } from 'react';
import clsx from 'clsx';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { usePrismTheme } from '@docusaurus/theme-common';
import type { Props } from '@theme/CodeBlock/Content';
import Line from '@theme/CodeBlock/Line';

import { isHydrating } from '../../../client/hydration';
import { loadHighlight } from '../../../client/load-highlight';
import { tokenRuns } from '../../../client/token-runs';
import styles from './styles.module.css';

// TODO Docusaurus v4: remove useless forwardRef
const Pre = React.forwardRef<HTMLPreElement, ComponentProps<'pre'>>((props, ref) => {
  return (
    <pre
      ref={ref}
      /* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */
      tabIndex={0}
      {...props}
      className={clsx(props.className, styles.codeBlock, 'thin-scrollbar')}
    />
  );
});

function Code(props: ComponentProps<'code'>) {
  const { metadata } = useCodeBlockContext();
  return (
    <code
      {...props}
      className={clsx(
        props.className,
        styles.codeBlockLines,
        metadata.lineNumbersStart !== undefined && styles.codeBlockLinesWithNumbering,
      )}
      style={{
        ...props.style,
        counterReset:
          metadata.lineNumbersStart === undefined
            ? undefined
            : `line-count ${metadata.lineNumbersStart - 1}`,
      }}
    />
  );
}

/**
 * Whether this code block is being hydrated from the server's HTML: decided in
 * its first render and kept for its life, so nothing re-renders it when
 * hydration ends. False on the server and after a client-side navigation.
 */
function useAdoptedServerMarkup(): boolean {
  const [adopted] = useState(isHydrating);
  return adopted;
}

export default function CodeBlockContent({ className: classNameProp }: Props): ReactNode {
  const { metadata, wordWrap } = useCodeBlockContext();
  const prismTheme = usePrismTheme();
  const { code, language, lineNumbersStart, lineClassNames } = metadata;
  const adopted = useAdoptedServerMarkup();
  if (adopted) {
    // The server already highlighted this code into the <code> element. An
    // empty dangerouslySetInnerHTML makes React adopt the element and leave its
    // content as it is: no Prism, no tokenising, no fibers for the tokens. The
    // <pre>'s class and style are Highlight's, for this theme and language.
    return (
      <Pre
        ref={wordWrap.codeBlockRef}
        className={clsx(classNameProp, `prism-code language-${language.toLowerCase()}`)}
        style={prismTheme.plain}
      >
        <Code dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />
      </Pre>
    );
  }
  const Highlight = loadHighlight();
  // Line numbers and highlighted lines need an element per line; nothing else does.
  const perLine = lineNumbersStart !== undefined || Object.keys(lineClassNames).length > 0;
  return (
    <Highlight theme={prismTheme} code={code} language={language}>
      {({ className, style, tokens: lines, getLineProps, getTokenProps }) => (
        <Pre ref={wordWrap.codeBlockRef} className={clsx(classNameProp, className)} style={style}>
          <Code>
            {perLine
              ? lines.map((line, i) => (
                  <Line
                    key={i}
                    line={line}
                    getLineProps={getLineProps}
                    getTokenProps={getTokenProps}
                    classNames={lineClassNames[i]}
                    showLineNumbers={lineNumbersStart !== undefined}
                  />
                ))
              : tokenRuns(lines).map((run, i) =>
                  typeof run === 'string' ? (
                    run
                  ) : (
                    <span key={i} {...getTokenProps({ token: run })} />
                  ),
                )}
          </Code>
        </Pre>
      )}
    </Highlight>
  );
}
