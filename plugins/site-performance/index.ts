// The site's one departure from stock Docusaurus: every override of its theme and its browser
// bundle, each listed in ./manifest.json with the upstream file it copies or replaces, the
// Docusaurus version it was checked against, why, and the figure it buys. An upgrade of
// @docusaurus/* fails test/site/overrides-manifest.test.ts until each is checked again.
//
// docusaurus.config.ts lists this plugin last among its themes: a later theme's components
// shadow an earlier one's, and these must shadow theme-classic's and theme-mermaid's.
import path from 'node:path';

import type { Plugin } from '@docusaurus/types';

import { type CodeThemes, prismTokenColorsCss } from './prism-theme';

export { cssVariablesTheme } from './prism-theme';
export { ssrTemplate } from './ssr-template';

/**
 * Keeps mermaid's code out of the `common` chunk. Docusaurus puts every module
 * that half of the routes' async chunks share into one `common` chunk, loaded by
 * every page before it hydrates; the diagram parsers that mermaid's lazily
 * loaded diagram types share (langium, chevrotain) qualified, so each page
 * downloaded and parsed ~700 KB it never ran. Kept out of `common`, they stay in
 * the chunks mermaid imports when a diagram draws. The test is a RegExp (matched
 * against each module's path) that no mermaid dependency's path matches.
 */
const notDiagramCode =
  /^(?!.*[\\/]node_modules[\\/](?:mermaid|@mermaid-js|langium|chevrotain|@chevrotain|vscode-[^\\/]+|lodash-es|cytoscape[^\\/]*|katex|d3[^\\/]*|dagre-d3-es|khroma|roughjs|marked|dompurify)[\\/])/;

/**
 * An installed upstream module as the bundler's alias must name it: the real path (the bundler
 * follows symlinks, as require.resolve does) without its extension, since the importer asks for
 * `./prefetch`, not `./prefetch.js`.
 */
const upstream = (file: string): string => require.resolve(file).replace(/\.js$/, '');

const client = (file: string): string => path.join(__dirname, 'client', file);

/** Upstream components that remount after hydration, and only for that use useIsBrowser. */
const remountAfterHydration = [
  '@docusaurus/theme-classic/lib/theme/Tabs/index.js',
  '@docusaurus/theme-classic/lib/theme/CodeBlock/index.js',
].map((file) => require.resolve(file));

/** theme-common's lib/ folder: its package exports no path under it, so it is found from its main. */
const themeCommonLib = path.dirname(require.resolve('@docusaurus/theme-common'));

/** The plugin, for the site's code colours (docusaurus.config.ts names them). */
export default function sitePerformance(options: { codeThemes: CodeThemes }): () => Plugin {
  return () => ({
    name: 'site-performance',
    getThemePath: () => path.join(__dirname, 'theme'),
    // The components are TypeScript already: `docusaurus swizzle` shows them as they are.
    getTypeScriptThemePath: () => path.join(__dirname, 'theme'),
    injectHtmlTags: () => ({
      headTags: [
        {
          tagName: 'style',
          attributes: { 'data-prism-token-colors': '' },
          innerHTML: prismTokenColorsCss(options.codeThemes),
        },
      ],
    }),
    configureWebpack(_config, isServer, { currentBundler }) {
      // theme-mermaid imports @mermaid-js/layout-elk behind a flag that is off when the package
      // is not installed; Rspack drops that dead import, webpack (DOCUSAURUS_FASTER=false) still
      // resolves it. An empty module satisfies it without shipping ELK's 1.4 MB.
      const resolve = { alias: { '@mermaid-js/layout-elk': false as const } };
      // Imports replaced for named upstream files only, in both bundles, so the server renders
      // the same tree as the browser.
      const module: {
        rules: Array<{ test: string | string[]; resolve: { alias: Record<string, string> } }>;
      } = {
        rules: [
          {
            // useIsBrowser answers as during hydration: see client/is-browser-as-hydrated.ts.
            test: remountAfterHydration,
            resolve: { alias: { '@docusaurus/useIsBrowser': client('is-browser-as-hydrated.ts') } },
          },
          {
            // Code blocks use the plugin's word wrap: see client/theme-common-internal.ts.
            test: require.resolve('@docusaurus/theme-classic/lib/theme/CodeBlock/Content/String.js'),
            resolve: {
              alias: { '@docusaurus/theme-common/internal$': client('theme-common-internal.ts') },
            },
          },
          {
            // Keys sorted without the ICU collator: see client/shallow-memo-without-collator.ts.
            test: path.join(themeCommonLib, 'contexts/navbarSecondaryMenu/content.js'),
            resolve: {
              alias: {
                [path.join(themeCommonLib, 'utils/reactUtils')]: client(
                  'shallow-memo-without-collator.ts',
                ),
              },
            },
          },
        ],
      };
      if (isServer) return { resolve, module };
      return {
        module,
        resolve: {
          alias: {
            ...resolve.alias,
            // In the browser, Prism's languages are registered when a code block is first
            // highlighted there, not at start-up: see theme/CodeBlock/Content.
            [upstream('@docusaurus/theme-classic/lib/prism-include-languages.js')]:
              client('no-startup-languages.ts'),
            // Each chunk prefetched once, when the main thread is idle: see client/prefetch-once.ts.
            [upstream('@docusaurus/core/lib/client/prefetch.js')]: client('prefetch-once.ts'),
            // mermaid's tooltips need d3-transition, which d3's index leaves out of the bundle:
            // see client/load-mermaid.ts.
            [upstream('@docusaurus/theme-mermaid/lib/client/loadMermaid.js')]:
              client('load-mermaid.ts'),
          },
        },
        optimization: { splitChunks: { cacheGroups: { common: { test: notDiagramCode } } } },
        plugins: [
          // V8's explicit compile hint: Chrome compiles every function of the main bundle while
          // the file downloads, on a background thread, instead of each one at its first call in
          // the bundle's start-up task, the page's longest (mostly React DOM). Added after
          // minification (stage 400), which would drop the comment, and before the content hash.
          new currentBundler.instance.BannerPlugin({
            banner: '//# allFunctionsCalledOnLoad',
            raw: true,
            include: /(^|\/)main\.[^/]+\.js$/,
            stage: 1000,
          }),
        ],
      };
    },
  });
}
