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
import { type PrismTheme, themes as prismThemes } from 'prism-react-renderer';

/** A Prism theme with some token colours replaced. */
function withColors(theme: PrismTheme, replacements: Record<string, string>): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((entry) => {
      const color = entry.style.color && replacements[entry.style.color];
      return color ? { ...entry, style: { ...entry.style, color } } : entry;
    }),
  };
}

/**
 * Code colours: prism-react-renderer's GitHub theme has five token colours
 * under WCAG AA's 4.5:1 contrast on its #f6f8fa background (comments 2.7:1),
 * and Dracula's comments are 3.0:1 on #282a36: Lighthouse's color-contrast
 * audit fails the page on them. The replacements keep each hue and reach 5:1
 * or more.
 */
export const codeThemeLight = withColors(prismThemes.github, {
  '#999988': '#5c6670', // comment
  '#e3116c': '#c50f5e', // string
  '#36acaa': '#107575', // number, variable, property
  '#00a4db': '#0070a0', // keyword, atrule
  '#d73a49': '#c62a3a', // function, tag
});
export const codeThemeDark = withColors(prismThemes.dracula, {
  'rgb(98, 114, 164)': '#939fc8', // comment
});

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
export function themeCss(theme: PrismTheme, mode: 'light' | 'dark'): string {
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

/** Both themes' stylesheet, which the plugin (./index.ts) puts in every page's <head>, before the first paint. */
export const prismTokenColorsCss = `${themeCss(codeThemeLight, 'light')}\n${themeCss(codeThemeDark, 'dark')}`;
