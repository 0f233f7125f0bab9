// scripts/serve/build-and-swap.ts, which `npm start`, `npm run build` and the tests build the
// site with: a build never empties the build/ a running server serves. `docusaurus build` alone
// empties its output folder first and writes it for as long as it runs, so a page asked for
// meanwhile is a 404.
import { existsSync } from 'node:fs';
import { readdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ServedSite } from '../../scripts/serve/serve-build';
import { lockSiteBuild } from './build-lock';
import { repoRoot } from './paths';
import { buildSite, serveSite } from '../../scripts/serve/site-server';

const buildDir = path.join(repoRoot, 'build');

let site: ServedSite | undefined;
let unlock: (() => Promise<void>) | undefined;

beforeAll(async () => {
  unlock = await lockSiteBuild();
  // A complete build to serve: the current one, or a first one on a fresh clone.
  if (!existsSync(path.join(buildDir, 'index.html'))) await buildSite();
  site = await serveSite();
}, 600_000);

afterAll(async () => {
  await site?.stop();
  await unlock?.();
});

interface Answer {
  readonly status: number;
  readonly guide: boolean;
}

/**
 * The guide page as a browser gets it: the status, and whether it is the whole page (its
 * heading, and its end: the minifier leaves out the optional </html>).
 */
async function askForGuide(url: string): Promise<Answer> {
  // Uncompressed: the test asks without pause, and compressing every answer would slow the build.
  const response = await fetch(`${url}/`, { headers: { 'accept-encoding': 'identity' } });
  const text = await response.text();
  return {
    status: response.status,
    guide: text.includes('<h1>Replication</h1>') && text.trimEnd().endsWith('</body>'),
  };
}

describe('building the site while it is served', () => {
  it('serves the whole guide page during a second build, then the new build', async () => {
    if (!site) throw new Error('the site is not running');
    const url = site.url;
    const served = await realpath(buildDir);
    // A file only the build being served has: gone once the server answers from the new one.
    await writeFile(path.join(served, 'served-before.txt'), 'the build served before\n');
    expect((await fetch(`${url}/served-before.txt`)).status).toBe(200);
    let building = true;
    const build = buildSite().finally(() => {
      building = false;
    });
    const answers: Answer[] = [];
    // One request after the other for as long as the build runs, and one after it.
    do answers.push(await askForGuide(url));
    while (building);
    answers.push(await askForGuide(url));
    await build;

    expect(answers.length).toBeGreaterThan(1);
    expect(answers.filter((answer) => answer.status !== 200 || !answer.guide)).toEqual([]);
    expect(await realpath(buildDir)).not.toBe(served);
    expect((await fetch(`${url}/served-before.txt`)).status).toBe(404);
    // The build before stays beside the new one, for pages loaded before the swap; what the
    // build was written in is gone.
    expect(existsSync(served)).toBe(true);
    const left = await readdir(repoRoot);
    expect(left.filter((name) => name.startsWith(`.build-next-${process.pid}-`))).toEqual([]);
  });
});
