/**
 * Where the site is served and where its sources live, read from package.json's `homepage` and
 * `repository`: the one place that names them, as npm and GitHub read them too. The site's
 * `url`, each page's "Edit this page" link, the navbar's link to the repository and robots.txt's
 * sitemap address all come from here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Plugin } from '@docusaurus/types';

export interface SiteLinks {
  /** The site's origin, e.g. https://replication-docs.ferretdb-guide.dev (docusaurus `url`). */
  url: string;
  /** The repository's web address, e.g. https://github.com/ferretdb-guide/replication-docs. */
  repository: string;
  /** Where a page's source is edited: the repository's main branch, to which Docusaurus adds docs/<page>.mdx. */
  editUrl: string;
}

interface PackageLinks {
  homepage?: unknown;
  repository?: unknown;
}

/**
 * The links package.json names, or an error that says what to write there. The homepage must be
 * an origin alone: with a path, Docusaurus' baseUrl would have to change with it, and every link
 * and test that takes the site to be served at / with it.
 */
export function siteLinks(root = path.resolve(__dirname, '..', '..')): SiteLinks {
  const file = path.join(root, 'package.json');
  const { homepage, repository } = JSON.parse(readFileSync(file, 'utf8')) as PackageLinks;
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  if (typeof homepage !== 'string')
    return fail('"homepage" must name the site, e.g. "https://docs.example.org"');
  const site = new URL(homepage);
  if (site.protocol !== 'https:' || site.pathname !== '/' || site.search || site.hash)
    return fail(
      `"homepage" must be an https origin with no path (the site is served at /), not ${homepage}`,
    );
  const repositoryUrl =
    typeof repository === 'object' && repository !== null && 'url' in repository
      ? repository.url
      : undefined;
  if (
    typeof repositoryUrl !== 'string' ||
    !/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/.test(repositoryUrl)
  )
    return fail(
      '"repository" must be { "type": "git", "url": "https://github.com/<owner>/<name>" }',
    );
  return { url: site.origin, repository: repositoryUrl, editUrl: `${repositoryUrl}/edit/main/` };
}

/**
 * Writes robots.txt into the build with the sitemap at the site's own address, rather than a
 * static/robots.txt that would spell the url a second time.
 */
export function robotsTxt(): Plugin {
  return {
    name: 'robots-txt',
    async postBuild({ siteConfig, outDir }) {
      const sitemap = new URL(`${siteConfig.baseUrl}sitemap.xml`, siteConfig.url).href;
      writeFileSync(
        path.join(outDir, 'robots.txt'),
        `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`,
      );
    },
  };
}
