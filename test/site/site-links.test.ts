// The site's url and its repository come from package.json alone (scripts/site-config/site-links.ts):
// the config's url, the edit links, the navbar's repository link and robots.txt read them there.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { siteLinks } from '../../scripts/site-config/site-links';
import { repoRoot } from './paths';

const scratch = mkdtempSync(path.join(tmpdir(), 'site-links-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A repository root whose package.json holds these fields. */
function rootWith(name: string, fields: Record<string, unknown>): string {
  const root = path.join(scratch, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, ...fields }));
  return root;
}

describe("the site's links", () => {
  it("are package.json's homepage and repository, and no placeholder", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      homepage: string;
      repository: { url: string };
    };
    const links = siteLinks();
    expect(links.url).toBe(pkg.homepage.replace(/\/$/, ''));
    expect(links.repository).toBe(pkg.repository.url);
    expect(links.editUrl).toBe(`${pkg.repository.url}/edit/main/`);
    expect(links.url).not.toMatch(/example\.(org|com)|localhost/);
  });

  it('are the one place that names them: no source spells the url or the repository again', () => {
    const { url, repository } = siteLinks();
    for (const file of ['docusaurus.config.ts', 'README.md']) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      expect(text, file).not.toContain(new URL(url).host);
      expect(text, file).not.toContain(repository);
    }
  });

  it.each([
    ['no homepage', {}, '"homepage" must name the site'],
    [
      'a homepage with a path, which would move every page off /',
      { homepage: 'https://example.github.io/docs/' },
      '"homepage" must be an https origin with no path (the site is served at /), not https://example.github.io/docs/',
    ],
    [
      'a repository that is not a GitHub address',
      { homepage: 'https://docs.example.net', repository: 'github:owner/name' },
      '"repository" must be { "type": "git", "url": "https://github.com/<owner>/<name>" }',
    ],
  ])('refuse %s, saying what to write', (name, fields, message) => {
    const root = rootWith(name.replace(/\W/g, '-'), fields);
    expect(() => siteLinks(root)).toThrow(message);
  });
});
