import type { Page } from 'playwright-core';

/**
 * The diagram is drawn on the client after hydration, once its place comes
 * within a viewport of the screen (plugins/site-performance/theme/Mermaid): scroll there, as a
 * reader does, and wait for its boxes.
 */
export async function waitForDiagram(page: Page): Promise<void> {
  // Attached, not visible: a placeholder more than a viewport down is an empty div until then.
  await page
    .locator('.mermaid-placeholder, .docusaurus-mermaid-container')
    .first()
    .waitFor({ state: 'attached' });
  await page.evaluate(() =>
    document
      .querySelector('.mermaid-placeholder, .docusaurus-mermaid-container')
      ?.scrollIntoView({ block: 'center' }),
  );
  await page.locator('.docusaurus-mermaid-container svg g.node').first().waitFor();
}
