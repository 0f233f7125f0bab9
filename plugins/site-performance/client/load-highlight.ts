// Prism, evaluated the first time a code block is highlighted in this
// JavaScript context, instead of when the site's code starts.
//
// prism-react-renderer registers its bundled languages when its module is
// evaluated, and each registration walks every grammar registered before it:
// on a phone that was the largest part of the main bundle's start-up task. A
// page that comes server-rendered needs none of it (theme/CodeBlock/Content
// keeps the server's highlighted markup), so the theme's start-up client module
// that registered the extra languages is replaced by an empty one in the
// browser bundle (see ../index.ts), and this loader does that work
// when a code block is first rendered in the browser: after a client-side
// navigation. `require` (not `import`) keeps evaluation lazy while the module
// stays in the same chunk, so the first highlight is synchronous.
import type { Highlight, Prism } from 'prism-react-renderer';

type HighlightComponent = typeof Highlight;

let highlight: HighlightComponent | undefined;

export function loadHighlight(): HighlightComponent {
  if (!highlight) {
    const renderer = require('prism-react-renderer') as typeof import('prism-react-renderer');
    const includeLanguages = (
      require('@theme/prism-include-languages') as {
        default: (prism: typeof Prism) => void;
      }
    ).default;
    // Registers themeConfig.prism.additionalLanguages, as the theme's client module did.
    includeLanguages(renderer.Prism);
    highlight = renderer.Highlight;
  }
  return highlight;
}
