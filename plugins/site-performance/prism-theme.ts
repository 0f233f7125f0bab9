// Code block colours as CSS, not as inline styles.
//
// Docusaurus renders code blocks on the server with the light Prism theme's
// colours inline on every token, then, because a reader in dark mode needs
// other inline colours and hydration does not patch attributes, remounts every
// code block once the page has hydrated. On the guide page that remount
// re-highlighted some forty blocks in one synchronous main-thread task: the
// largest long task on a phone. Here the theme Docusaurus sees has no token
// colours (the plain colours are CSS variables), so server and browser render
// the same markup in both colour modes, and the two themes become a stylesheet
// keyed on <html data-theme>. client/is-browser-as-hydrated.ts drops the remount.
// The themes are the site's (the plugin's codeThemes option).
import type { PrismTheme } from 'prism-react-renderer';

const PLAIN_COLOR = '--site-code-color';
const PLAIN_BACKGROUND = '--site-code-background';

/** The one theme Docusaurus gets, for both colour modes: colours come from the stylesheet. */
export const cssVariablesTheme: PrismTheme = {
  plain: { color: `var(${PLAIN_COLOR})`, backgroundColor: `var(${PLAIN_BACKGROUND})` },
  styles: [],
};

const kebab = (property: string): string =>
  property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function declarations(style: object): string {
  return Object.entries(style)
    .map(([property, value]) => `${kebab(property)}:${String(value)}`)
    .join(';');
}

/**
 * The CSS for one theme under one `data-theme` value. Rules keep the theme's
 * order, so a later entry overrides an earlier one for the same token type, as
 * prism-react-renderer merges them.
 */
function themeCss(theme: PrismTheme, mode: 'light' | 'dark'): string {
  const scope = `[data-theme='${mode}']`;
  const rules = [
    `${scope}{${PLAIN_COLOR}:${theme.plain.color ?? 'inherit'};${PLAIN_BACKGROUND}:${theme.plain.backgroundColor ?? 'transparent'}}`,
  ];
  for (const entry of theme.styles) {
    const scopes = entry.languages?.map((language) => `${scope} .language-${language}`) ?? [scope];
    const selectors = scopes.flatMap((outer) =>
      entry.types.map((type) => `${outer} .token.${type}`),
    );
    rules.push(`${selectors.join(',')}{${declarations(entry.style)}}`);
  }
  return rules.join('\n');
}

/** The site's code themes, as the plugin's options name them (docusaurus.config.ts). */
export interface CodeThemes {
  light: PrismTheme;
  dark: PrismTheme;
}

/** Both themes' stylesheet, which the plugin (./index.ts) puts in every page's <head>, before the first paint. */
export const prismTokenColorsCss = ({ light, dark }: CodeThemes): string =>
  `${themeCss(light, 'light')}\n${themeCss(dark, 'dark')}`;
