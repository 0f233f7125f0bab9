// A highlighted code block as runs: the text no colour applies to, with its
// newlines, as plain strings, and each coloured token on its own.
//
// Docusaurus renders every line as a <div class="token-line"> ending in a <br>,
// and every token, plain text included, as a <span>. On the guide page that
// was 1,864 of the page's 2,555 elements. As runs, the same code is about a
// third of those elements (a <span> per coloured token), and the page has less
// to parse, style and lay out before it shows.
import type { Token } from 'prism-react-renderer';

export type TokenRun = string | Token;

function isPlain(token: Token): boolean {
  return token.types.length === 1 && token.types[0] === 'plain';
}

/**
 * Lines of tokens as runs; adjacent text is one string, so React writes no
 * separator comments between text nodes. An empty line comes from Prism as a
 * single "\n" token, which stands for nothing but the line itself.
 */
export function tokenRuns(lines: readonly (readonly Token[])[]): TokenRun[] {
  const runs: TokenRun[] = [];
  let text = '';
  lines.forEach((line, index) => {
    if (index > 0) text += '\n';
    if (line.length === 1 && line[0]?.content === '\n') return;
    for (const token of line) {
      if (isPlain(token)) {
        text += token.content;
      } else {
        if (text) runs.push(text);
        text = '';
        runs.push(token);
      }
    }
  });
  if (text) runs.push(text);
  return runs;
}
