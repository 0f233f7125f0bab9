// The site's code colours: prism-react-renderer's GitHub theme in light mode and Dracula in
// dark, as a stock Docusaurus site would name them in themeConfig.prism. The site-performance
// plugin turns them into a stylesheet (plugins/site-performance/prism-theme.ts).
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
 * GitHub has five token colours under WCAG AA's 4.5:1 contrast on its #f6f8fa background
 * (comments 2.7:1), and Dracula's comments are 3.0:1 on #282a36: Lighthouse's color-contrast
 * audit fails the page on them. The replacements keep each hue and reach 5:1 or more.
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
