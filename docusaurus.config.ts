import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import type { PluginOptions as SearchOptions } from '@easyops-cn/docusaurus-search-local';

import claims from './plugins/claims';
import sitePerformance, { cssVariablesTheme, ssrTemplate } from './plugins/site-performance';
import { remarkClaimAnchors } from './scripts/claims/remark-claim-anchors';
import { codeThemeDark, codeThemeLight } from './scripts/site-config/code-themes';
import { robotsTxt, siteLinks } from './scripts/site-config/site-links';
import { remarkStepHeadings } from './scripts/site-config/step-headings';
import { remarkStepLines } from './scripts/site-config/step-lines';

// The docs are "tested documentation": every code block is pulled from a file
// under examples/ that CI runs. remark-code-import does the pulling; a step line
// (::step{id="…"}) becomes its step's fences just before, in the same list.
// It is ESM-only, and Docusaurus loads this file as CommonJS (package.json has
// no "type": "module", which would break `docusaurus build`), so the plugin is
// loaded with a dynamic import inside an async config factory.
export default async function createConfig(): Promise<Config> {
  const { codeImport } = await import('remark-code-import');
  // The site's url and its repository, from package.json's homepage and repository.
  const links = siteLinks();

  const docsOptions: Preset.Options['docs'] = {
    // Docs-only site: the guide is the home page.
    routeBasePath: '/',
    sidebarPath: './sidebars.ts',
    // "Edit this page" under each page: its .mdx on the repository's main branch.
    editUrl: links.editUrl,
    // In order: Docusaurus runs these after its own plugins, and before the one that warns of
    // directives left unhandled, so each step line's fences are in place when codeImport reads
    // the files of every fence.
    // First of all: step headings get their number before Docusaurus makes their anchors and the
    // table of contents from them.
    beforeDefaultRemarkPlugins: [remarkStepHeadings],
    remarkPlugins: [
      remarkClaimAnchors,
      [remarkStepLines, { rootDir: __dirname }],
      [
        codeImport,
        {
          // Paths in `file=` are relative to the MDX file; rootDir is the
          // fence: nothing outside this repository may be imported.
          rootDir: __dirname,
          allowImportingFromOutside: false,
        },
      ],
    ],
  };

  // `satisfies` checks the plugin's own option names while keeping a plain
  // object type, which Docusaurus' PluginConfig accepts (an interface is not).
  const searchOptions = {
    docsRouteBasePath: '/',
    indexBlog: false,
    // A content hash in the index URL, so a redeploy never serves a stale index.
    hashed: true,
    highlightSearchTermsOnTargetPage: true,
    explicitSearchResultPath: true,
  } satisfies SearchOptions;

  return {
    title: 'FerretDB replication guide',
    tagline: 'Streaming replication for FerretDB on PostgreSQL, with every command tested',
    favicon: 'img/favicon.svg',

    url: links.url,
    baseUrl: '/',
    trailingSlash: false,

    // A broken link or anchor is a bug in tested documentation: fail the build.
    onBrokenLinks: 'throw',
    onBrokenAnchors: 'throw',
    onDuplicateRoutes: 'throw',

    i18n: { defaultLocale: 'en', locales: ['en'] },

    // Rspack, SWC and Lightning CSS from @docusaurus/faster: same output, a build
    // in seconds instead of minutes. Its SSG worker threads require the v4 flag
    // removeLegacyPostBuildHeadAttribute, so the v4 flags are on, except one:
    // useCssCascadeLayers polyfills layers by raising Infima's specificity
    // (p:not(#\#):not(#\#)), which beats mermaid's own `#mermaid-… p { margin: 0 }`
    // and leaves every diagram label 20px too tall.
    // DOCUSAURUS_FASTER=false builds with the default bundler (webpack, Babel,
    // Terser) instead, for `npm run bench -- site` to compare the two; any other
    // value, or none, keeps Faster on.
    future: {
      v4: { removeLegacyPostBuildHeadAttribute: true, useCssCascadeLayers: false },
      faster: process.env.DOCUSAURUS_FASTER !== 'false',
    },

    markdown: {
      mermaid: true,
      hooks: {
        onBrokenMarkdownLinks: 'throw',
        onBrokenMarkdownImages: 'throw',
      },
    },

    // Every claim marker names a test that exists, or the build fails (plugins/claims).
    plugins: [robotsTxt, claims({ sourceUrl: `${links.repository}/blob/main/` })],

    // Scripts run after the first paint: see plugins/site-performance/ssr-template.ts. A
    // plugin cannot set the page template, so the plugin exports it for this line.
    ssrTemplate,

    // Every override of Docusaurus is in plugins/site-performance/ (see its manifest.json). It
    // comes last: of two themes with the same component, the later one's is used, and its
    // components wrap or replace theme-classic's and theme-mermaid's.
    themes: [
      '@docusaurus/theme-mermaid',
      ['@easyops-cn/docusaurus-search-local', searchOptions],
      sitePerformance({ codeThemes: { light: codeThemeLight, dark: codeThemeDark } }),
    ],

    presets: [
      [
        'classic',
        {
          docs: docsOptions,
          blog: false,
          pages: false,
          theme: { customCss: './src/css/custom.css' },
        } satisfies Preset.Options,
      ],
    ],

    themeConfig: {
      colorMode: {
        defaultMode: 'light',
        respectPrefersColorScheme: true,
      },
      navbar: {
        title: 'FerretDB replication',
        logo: {
          alt: 'FerretDB replication guide logo',
          src: 'img/logo.svg',
        },
        items: [
          { type: 'docSidebar', sidebarId: 'guide', position: 'left', label: 'Guide' },
          {
            href: 'https://docs.ferretdb.io/',
            label: 'FerretDB docs',
            position: 'right',
          },
          { href: links.repository, label: 'GitHub', position: 'right' },
        ],
      },
      footer: {
        style: 'dark',
        links: [
          {
            title: 'Guide',
            items: [
              { label: 'Replication', to: '/' },
              { label: 'How this guide is tested', to: '/how-this-guide-is-tested' },
            ],
          },
          {
            title: 'Upstream',
            items: [
              { label: 'FerretDB documentation', href: 'https://docs.ferretdb.io/' },
              {
                label: 'PostgreSQL WAL',
                href: 'https://www.postgresql.org/docs/current/wal-intro.html',
              },
            ],
          },
        ],
        copyright: 'Tested documentation for FerretDB and PostgreSQL. Built with Docusaurus.',
      },
      prism: {
        // The colours (scripts/site-config/code-themes.ts) are a stylesheet the plugin adds, not
        // inline styles: see plugins/site-performance/prism-theme.ts.
        theme: cssVariablesTheme,
        darkTheme: cssVariablesTheme,
        // sh blocks; prism-react-renderer bundles js, yaml, sql and json itself.
        additionalLanguages: ['bash'],
      },
      mermaid: {
        theme: { light: 'neutral', dark: 'dark' },
      },
      docs: {
        sidebar: { hideable: true },
      },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    } satisfies Preset.ThemeConfig,
  };
}
