// The built site in a real browser: the diagram draws, the code blocks show
// exactly the files they import, search finds the guide, and nothing logs an
// error. Screenshots land in artifacts/screenshots/ for a person to look at.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import sidebars from '../../sidebars';
import { listSteps, stepFiles } from '../../scripts/guide/steps';
import { readVerified, verifiedLine } from '../../scripts/guide/verified';
import { codeThemeDark, codeThemeLight } from '../../scripts/site-config/code-themes';
import { siteLinks } from '../../scripts/site-config/site-links';
import { launchChromium } from '../../scripts/browser/chromium';
import { waitForDiagram } from '../../scripts/browser/diagram';
import { expectedCodeBlocks } from '../site/expected-code-blocks';
import { guidePage, repoRoot } from '../site/paths';
import type { ServedSite } from '../../scripts/serve/serve-build';
import { buildSite, serveSite } from '../../scripts/serve/site-server';

const BOX_LABELS = [
  'Client',
  'FerretDB primary',
  'FerretDB read-only',
  'Postgres primary',
  'Postgres replica',
];
const screenshots = path.join(repoRoot, 'artifacts', 'screenshots');

let site: ServedSite | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // Fail before the slow build when the browser is missing.
  browser = await launchChromium();
  await buildSite();
  site = await serveSite();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** The doc ids in the guide's sidebar (sidebars.ts), categories opened. */
function sidebarDocIds(items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    const category = item as { items?: readonly unknown[] };
    return category.items ? sidebarDocIds(category.items) : [];
  });
}

interface LoadedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen while the page loaded. */
  readonly errors: string[];
}

async function openGuide(
  colorScheme: 'light' | 'dark' = 'light',
  pathname = '/',
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<LoadedPage> {
  if (!browser || !site) throw new Error('the site is not running');
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await beforeLoad?.(page);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.goto(new URL(pathname, site.url).href, { waitUntil: 'load' });
  // The page's scripts start after its first frame (plugins/site-performance/ssr-template.ts): neither
  // the load event nor a quiet network means they have run, and on a busy machine a page that
  // waited for the network alone would be clicked before React listened. Docusaurus marks <html> once
  // the page has hydrated.
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
  return { page, errors };
}

/**
 * The text of each code block of the article: theme-classic writes a .token-line per source
 * line, ending in a <br> that has no text, so the shown text is those lines' text joined by
 * newlines.
 */
async function shownCode(page: Page): Promise<string[]> {
  const shown = await page
    .locator('article pre code')
    .evaluateAll((codes) =>
      codes.map((code) =>
        Array.from(code.querySelectorAll('.token-line'), (line) => line.textContent ?? '').join(
          '\n',
        ),
      ),
    );
  return shown.map((text) => text.replace(/\n$/, ''));
}

/**
 * The highlighted markup inside each code block of the article, with style
 * attributes in the browser's own notation (the server writes `color:x`, the
 * browser `color: x;`).
 */
async function codeMarkup(page: Page): Promise<string[]> {
  return page.locator('article pre code').evaluateAll((codes) =>
    codes.map((code) => {
      const copy = code.cloneNode(true) as HTMLElement;
      copy.querySelectorAll<HTMLElement>('[style]').forEach((element) => {
        element.setAttribute('style', element.style.cssText);
      });
      return copy.innerHTML;
    }),
  );
}

/**
 * Resolves once the page has added the prefetch links for the links it showed when it hydrated.
 *
 * Docusaurus' <Link> prefetches its route when an IntersectionObserver first sees it on the
 * screen; each link made its observer as hydration committed. An observer made after hydration
 * has its first callback in the same delivery as theirs or a later one, so once that delivery is
 * over, every such prefetch is queued (plugins/site-performance/client/prefetch-once.ts). The queue is then added in
 * idle callbacks, at least one link each, each posting the next while links remain. Idle
 * callbacks run in the order they were requested: an idle callback of ours that finds the number
 * of links the same as the one before it had no callback of the queue's run in between, and so
 * the queue is empty. Events all the way, at whatever speed the machine runs.
 */
async function prefetchesQueuedAtLoadAdded(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const countLinks = (): number => document.querySelectorAll('link[rel="prefetch"]').length;
        const untilUnchanged = (before: number): void => {
          requestIdleCallback(() => {
            const now = countLinks();
            if (now === before) resolve();
            else untilUnchanged(now);
          });
        };
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          // A task after this one: the delivery that called us calls the links' observers too.
          setTimeout(() => untilUnchanged(countLinks()), 0);
        });
        observer.observe(document.documentElement);
      }),
  );
}

describe('the built guide page', () => {
  it('loads without console errors or page errors', async () => {
    const { page, errors } = await openGuide();
    await waitForDiagram(page);
    expect(await page.locator('article h1').allTextContents()).toEqual(['Replication']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the topology diagram as an SVG with the five boxes', async () => {
    const { page } = await openGuide();
    await waitForDiagram(page);
    const svg = page.locator('.docusaurus-mermaid-container svg');
    expect(await svg.count()).toBe(1);
    const boxes = await svg.locator('g.node').allTextContents();
    expect(boxes.map((box) => box.trim()).sort()).toEqual([...BOX_LABELS].sort());
    const edges = await svg.locator('g.edgeLabel').allTextContents();
    expect(edges).toContain('WAL streaming');
    // Labels are HTML paragraphs; a page style that gives them a margin (as the v4 flag
    // useCssCascadeLayers does, which docusaurus.config.ts leaves off) pushes every label to the
    // top of its box.
    const margins = await svg
      .locator('foreignObject p')
      .evaluateAll((labels) => labels.map((label) => getComputedStyle(label).margin));
    expect(new Set(margins)).toEqual(new Set(['0px']));
    await page.context().close();
  });

  // plugins/site-performance/client/load-mermaid.ts: mermaid fades a node's tooltip in with d3-transition.
  it("throws nothing when the pointer goes over the diagram's boxes", async () => {
    const { page, errors } = await openGuide('light', '/', async (target) => {
      // Collected in the page: a handler's error is recorded before the hover that caused it ends.
      await target.addInitScript(() => {
        const thrown: string[] = [];
        Object.assign(window, { thrownInPage: thrown });
        window.addEventListener('error', (event) => thrown.push(event.message));
      });
    });
    await waitForDiagram(page);
    const boxes = page.locator('.docusaurus-mermaid-container svg g.node');
    expect(await boxes.count()).toBe(BOX_LABELS.length);
    for (let index = 0; index < BOX_LABELS.length; index += 1) await boxes.nth(index).hover();
    expect(await page.evaluate(() => Reflect.get(window, 'thrownInPage'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows each imported file verbatim in its code block, in order', async () => {
    const expected = await expectedCodeBlocks(guidePage, repoRoot);
    // The guide imports at least compose.yaml; an empty list would test nothing.
    expect(expected.length).toBeGreaterThan(0);
    const { page } = await openGuide();
    const trimmed = await shownCode(page);
    expect(trimmed).toHaveLength(expected.length);
    expected.forEach((block, index) => {
      expect(trimmed[index], block.meta).toBe(block.text);
    });
    await page.context().close();
  });

  it('says under each step what its recording was verified against, from its verified.json', async () => {
    const expected = listSteps('replication').map((step) => {
      const verified = readVerified(stepFiles(step).verified);
      return typeof verified === 'string' ? verified : verifiedLine(verified);
    });
    const { page } = await openGuide();
    const lines = await page.locator('article p > small > em').allTextContents();
    expect(lines.filter((line) => line.startsWith('Verified on '))).toEqual(expected);
    await page.context().close();
  });

  it('links to its repository in the navbar and to its source under the page, and robots.txt to its sitemap', async () => {
    const links = siteLinks();
    const { page } = await openGuide();
    const navbar = page.locator('.navbar__items--right a', { hasText: 'GitHub' });
    expect(await navbar.getAttribute('href')).toBe(links.repository);
    expect(await page.locator('a.theme-edit-this-page').getAttribute('href')).toBe(
      `${links.editUrl}docs/replication.mdx`,
    );
    await page.context().close();
    const robots = await fetch(new URL('/robots.txt', site?.url).href);
    expect(await robots.text()).toContain(`Sitemap: ${links.url}/sitemap.xml`);
  });

  for (const query of ['pg_basebackup', 'replication']) {
    it(`search for "${query}" leads to the guide page`, async () => {
      // Start elsewhere, so landing on the guide proves the search result navigated there.
      const { page, errors } = await openGuide('light', '/how-this-guide-is-tested');
      await page.locator('.navbar__search-input').fill(query);
      const firstHit = page.locator('[role="listbox"] [role="option"]').first();
      await firstHit.waitFor();
      expect(await page.locator('[role="listbox"]').textContent()).toContain('Replication');
      await firstHit.click();
      await page.waitForURL((url) => url.pathname === '/');
      expect(await page.locator('article h1').allTextContents()).toEqual(['Replication']);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`renders in ${colorScheme} mode (screenshot in artifacts/screenshots/)`, async () => {
      const { page, errors } = await openGuide(colorScheme);
      await waitForDiagram(page);
      // respectPrefersColorScheme: the browser's preference picks the theme.
      expect(await page.locator('html').getAttribute('data-theme')).toBe(colorScheme);
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({
        path: path.join(screenshots, `replication-${colorScheme}.png`),
        fullPage: true,
      });
      // The diagram alone, at full resolution: the page shot is too large to judge it.
      // The sticky navbar would cover the top of the diagram once scrolled to it.
      await page.addStyleTag({ content: '.navbar { visibility: hidden; }' });
      await page.locator('.docusaurus-mermaid-container').screenshot({
        path: path.join(screenshots, `replication-diagram-${colorScheme}.png`),
      });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  // Hydration adopts the server's markup. Docusaurus' own Tabs and CodeBlock
  // mount themselves a second time after hydration, which cost the page its
  // longest main-thread task; plugins/site-performance/client/is-browser-as-hydrated.ts drops that, and these
  // tests hold what the remount was for: the right colours and the stored tab.
  it('mounts no code block or tab group a second time after the HTML is parsed', async () => {
    const { page, errors } = await openGuide('light', '/', async (target) => {
      await target.addInitScript(() => {
        const added: string[] = [];
        Object.assign(window, { codeBlocksAddedAfterParse: added });
        const observer = new MutationObserver((records) => {
          for (const record of records) {
            for (const node of Array.from(record.addedNodes)) {
              if (!(node instanceof Element)) continue;
              if (
                node.matches('pre, .tabs-container') ||
                node.querySelector('pre, .tabs-container')
              ) {
                added.push(node.outerHTML.slice(0, 80));
              }
            }
          }
        });
        // Nodes the HTML parser adds are the server's; count what comes after it.
        document.addEventListener('DOMContentLoaded', () =>
          observer.observe(document.documentElement, { childList: true, subtree: true }),
        );
      });
    });
    await waitForDiagram(page);
    expect(await page.locator('article pre').count()).toBeGreaterThan(10);
    expect(await page.evaluate(() => Reflect.get(window, 'codeBlocksAddedAfterParse'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the tab a reader chose before, in every group of that choice', async () => {
    const { page, errors } = await openGuide('light', '/', async (target) => {
      // Where Docusaurus keeps a Tabs groupId's choice.
      await target.addInitScript(() => localStorage.setItem('docusaurus.tab.run-with', 'zx'));
    });
    await page.locator('article .tabs-container').first().waitFor();
    const groups = page.locator('article .tabs-container');
    const count = await groups.count();
    expect(count).toBeGreaterThan(5);
    for (let index = 0; index < count; index += 1) {
      const group = groups.nth(index);
      await group.getByRole('tab', { name: 'zx script', exact: true, selected: true }).waitFor();
      // The zx panel shows, the shell panel is hidden.
      const visible = await group
        .locator('[role="tabpanel"]')
        .evaluateAll((panels) => panels.map((panel) => !panel.hasAttribute('hidden')));
      expect(visible).toEqual([false, true]);
    }
    // Choosing the other tab switches every group of the page.
    await groups.first().locator('[role="tab"]', { hasText: 'Shell' }).click();
    await page.waitForFunction((groupCount) => {
      const chosen = Array.from(
        document.querySelectorAll('article [role="tab"][aria-selected="true"]'),
        (tab) => tab.textContent,
      );
      return chosen.length === groupCount && chosen.every((text) => text === 'Shell');
    }, count);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const [colorScheme, theme] of [
    ['light', codeThemeLight],
    ['dark', codeThemeDark],
  ] as const) {
    it(`colours code in ${colorScheme} mode with that mode's Prism theme`, async () => {
      const { page } = await openGuide(colorScheme);
      const comment = theme.styles.find((entry) => entry.types.includes('comment'))?.style.color;
      const probe = await page.evaluate(
        ({ color, background }) => {
          // The browser's own notation for a CSS colour, to compare computed styles with.
          const swatch = document.createElement('span');
          swatch.style.color = color;
          swatch.style.backgroundColor = background;
          document.body.append(swatch);
          const expected = getComputedStyle(swatch);
          const token = document.querySelector('article pre .token.comment');
          const pre = document.querySelector('article pre');
          if (!token || !pre) return undefined;
          return {
            expected: { comment: expected.color, background: expected.backgroundColor },
            shown: {
              comment: getComputedStyle(token).color,
              background: getComputedStyle(pre).backgroundColor,
            },
          };
        },
        { color: comment ?? '', background: theme.plain.backgroundColor ?? '' },
      );
      expect(probe).toBeDefined();
      expect(probe?.shown).toEqual(probe?.expected);
      await page.context().close();
    });
  }

  // Hydration keeps the server's highlighted code (plugins/site-performance/theme/CodeBlock/Content);
  // a code block first rendered in the browser highlights it there, with Prism
  // loaded on first use. Both must show the same markup.
  it('highlights code in the browser after a client-side navigation exactly as the server did', async () => {
    const direct = await openGuide();
    const serverMarkup = await codeMarkup(direct.page);
    expect(serverMarkup.join('')).toContain('class="token');
    await direct.page.context().close();

    const { page, errors } = await openGuide('light', '/how-this-guide-is-tested');
    await page.evaluate(() => Reflect.set(window, 'sameDocument', true));
    await page.locator('.theme-doc-sidebar-menu a[href="/"]').first().click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('article h1', { hasText: 'Replication' }).waitFor();
    // Still the same document: the single-page app rendered the guide, not the server.
    expect(await page.evaluate(() => Reflect.get(window, 'sameDocument'))).toBe(true);
    expect(await codeMarkup(page)).toEqual(serverMarkup);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // The phone menu's docs sidebar comes from theme-common's navbarSecondaryMenu, one of the two
  // files plugins/site-performance/client/shallow-memo-without-collator.ts stands in for.
  it('lists every page of the guide in the phone menu, and goes to the one tapped', async () => {
    const { page, errors } = await openGuide();
    await page.setViewportSize({ width: 412, height: 823 });
    await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
    const menu = page.locator('.navbar-sidebar');
    await menu.waitFor({ state: 'visible' });
    const pages = menu.locator('.theme-doc-sidebar-menu a.menu__link[href^="/"]');
    // Every doc page of the sidebar.
    expect(await pages.count()).toBe(sidebarDocIds(sidebars.guide as unknown[]).length);
    await menu.locator('a.menu__link[href="/failover"]').click();
    await page.waitForURL((url) => url.pathname === '/failover');
    await menu.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // src/css/custom.css lays out a block of the page only when it nears a phone's screen, with a
  // guessed height until then; a link to a heading far down must still land on the heading, on a
  // phone as on a desktop (the desktop layout lays everything out: it landed off there).
  for (const width of [412, 1280]) {
    it(`lands a link to a heading far down the guide on that heading, ${width}px wide`, async () => {
      const id = 'step-11-see-the-replica-refuse-writes';
      const { page, errors } = await openGuide('light', `/#${id}`, async (target) => {
        await target.setViewportSize({ width, height: 823 });
      });
      // Blocks that came near the screen are laid out in the frame after: judged two frames on.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      const { top, navbar } = await page.locator(`#${id}`).evaluate((element) => ({
        top: element.getBoundingClientRect().top,
        navbar: document.querySelector('.navbar')?.getBoundingClientRect().height ?? 0,
      }));
      // The heading's scroll-margin-top is the navbar's height and half a rem.
      expect(top).toBeGreaterThanOrEqual(navbar);
      expect(top).toBeLessThanOrEqual(navbar + 16);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  // src/css/custom.css lets an image name in a table cell break: unbroken, the tested-stack table
  // was wider than the page at 1280 px and scrolled sideways.
  it('shows every table of How this guide is tested without scrolling sideways, 1280px wide', async () => {
    const { page, errors } = await openGuide('light', '/how-this-guide-is-tested');
    const tables = page.locator('.theme-doc-markdown table');
    expect(await tables.count()).toBeGreaterThan(1);
    const scrolling = await tables.evaluateAll((all) =>
      all
        .filter((table) => table.scrollWidth > table.clientWidth)
        .map((table) => table.querySelector('th, td')?.textContent ?? '(empty)'),
    );
    expect(scrolling).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // plugins/site-performance/index.ts: V8's compile hint, which only works as the file's text.
  it("begins the main bundle with V8's compile hint, which minification would have dropped", async () => {
    const { page, errors } = await openGuide();
    const mainUrl = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .find((name) => /\/assets\/js\/main\.[0-9a-f]+\.js$/.test(name)) ?? '',
    );
    const response = await page.request.get(mainUrl);
    expect((await response.text()).startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // plugins/site-performance/ssr-template.ts: the page renders its first frame before its scripts run.
  // Not compared with first-contentful-paint, whose time is when the frame reaches the screen,
  // a moment after the main thread has rendered it and moved on.
  it('renders the first frame of the server-rendered page before it requests its scripts', async () => {
    const { page, errors } = await openGuide('light', '/', async (target) => {
      // Registered before the page's own scripts: its callback is the first of the first frame.
      await target.addInitScript(() => {
        const firstFrame = new Promise<number>((resolve) =>
          requestAnimationFrame(() => resolve(performance.now())),
        );
        Reflect.set(window, 'firstFrame', firstFrame);
      });
    });
    // Both moments as the events that make them. main.js's Resource Timing entry, which holds
    // when it was requested, is queued only once its download has ended: read too early it is
    // missing (as on a busy machine, where the network can be quiet for 500 ms before the template
    // has even inserted the scripts). A buffered PerformanceObserver is called for entries already
    // there and for the ones to come.
    const timing = await page.evaluate(async () => {
      const mainRequested = await new Promise<number>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          const main = list
            .getEntries()
            .find((entry) => /\/assets\/js\/main\.[0-9a-f]+\.js$/.test(entry.name));
          if (!main) return;
          observer.disconnect();
          resolve(main.startTime);
        });
        observer.observe({ type: 'resource', buffered: true });
      });
      const firstFrame = await (Reflect.get(window, 'firstFrame') as Promise<number>);
      return { firstFrame, mainRequested };
    });
    expect(timing.mainRequested).toBeGreaterThanOrEqual(timing.firstFrame);
    // ...and still hydrates: a tab click switches the panel.
    const group = page.locator('article .tabs-container').first();
    await group.locator('[role="tab"]', { hasText: 'zx script' }).click();
    await group.getByRole('tab', { name: 'zx script', exact: true, selected: true }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it('offers word wrap for a code block wider than a phone, and wraps it', async () => {
    const { page, errors } = await openGuide();
    // Narrowed after load: the blocks measure themselves again on resize.
    await page.setViewportSize({ width: 412, height: 823 });
    const block = page.locator('article .theme-code-block:visible').first();
    await block.scrollIntoViewIfNeeded();
    const pre = block.locator('pre');
    expect(await pre.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await block.locator('button[aria-label="Toggle word wrap"]').click();
    // Checked on each frame until the block no longer scrolls sideways.
    await page.waitForFunction(
      (element) => element !== null && element.scrollWidth <= element.clientWidth,
      await pre.elementHandle(),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('offers word wrap for a wide code block in a tab each time that tab is shown', async () => {
    const { page, errors } = await openGuide();
    await page.setViewportSize({ width: 412, height: 823 });
    const group = page.locator('article .tabs-container').first();
    await group.scrollIntoViewIfNeeded();
    // The second tab (zx script) is hidden until chosen, and a hidden block has no width to
    // measure: no button yet.
    const panel = group.locator('[role="tabpanel"]').nth(1);
    expect(await panel.getAttribute('hidden')).not.toBeNull();
    const hidden = panel.locator('.theme-code-block').first();
    const wrap = hidden.locator('button[aria-label="Toggle word wrap"]');
    expect(await wrap.count()).toBe(0);
    await group.locator('[role="tab"]').nth(1).click();
    // Attached: the buttons show only when the block is hovered or focused.
    await wrap.waitFor({ state: 'attached' });
    expect(await hidden.locator('pre').evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    // Hidden again, a resize makes the block measure nothing; shown again, it measures anew.
    await group.locator('[role="tab"]').nth(0).click();
    await page.setViewportSize({ width: 400, height: 823 });
    await wrap.waitFor({ state: 'detached' });
    await group.locator('[role="tab"]').nth(1).click();
    await wrap.waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // plugins/site-performance/client/prefetch-once.ts
  it('prefetches each chunk of the linked pages once, and none this page already runs', async () => {
    // What the page fetched to run, seen from outside the page: webpack removes a chunk's
    // <script> once it has run.
    const ran = new Set<string>();
    const { page, errors } = await openGuide('light', '/', async (target) => {
      target.on('request', (request) => {
        if (request.resourceType() === 'script') ran.add(new URL(request.url()).pathname);
      });
    });
    await prefetchesQueuedAtLoadAdded(page);
    const prefetched = await page
      .locator('link[rel="prefetch"]')
      .evaluateAll((links) =>
        links.map((link) => new URL(link.getAttribute('href') ?? '', location.href).pathname),
      );
    // The sidebar links other pages, whose chunks this page does not have.
    expect(prefetched.length).toBeGreaterThan(0);
    expect(ran.size).toBeGreaterThan(2);
    expect(new Set(prefetched).size).toBe(prefetched.length);
    expect(prefetched.filter((pathname) => ran.has(pathname))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
