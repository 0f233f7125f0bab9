// Stands in, in the browser bundle only, for @docusaurus/core's prefetch helper
// (lib/client/prefetch.js): the function that window.docusaurus.prefetch calls
// with the URL of each chunk a linked route needs.
//
// Docusaurus prefetches a route when its link scrolls into view, and each route
// brings the chunks of its layout routes too, which every page shares and this
// page has already run. On the guide page, a phone's first screen put 189
// <link rel="prefetch"> elements in <head> in one task (27 routes, about 20
// distinct URLs), some 130 ms at phone speed just after hydration.
//
// Here each URL is prefetched once, never when the page has already loaded it
// as a script, and the elements are added when the main thread is idle, a few
// at a time, so the browser can answer a tap in between.

const requested = new Set<string>();
const queue: Array<() => void> = [];

/**
 * Whether the page has fetched `url` as a script. Not from document.scripts:
 * webpack removes the <script> of each chunk it loads once it has run. Resource
 * Timing keeps every fetch (up to 250, far more than a page of this site makes).
 */
function loadedAsScript(url: string): boolean {
  const absolute = new URL(url, document.baseURI).href;
  return performance
    .getEntriesByType('resource')
    .some(
      (entry) =>
        entry.name === absolute && (entry as PerformanceResourceTiming).initiatorType === 'script',
    );
}

function whenIdle(callback: (deadline?: IdleDeadline) => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback);
  else window.setTimeout(callback, 1);
}

function drain(deadline?: IdleDeadline): void {
  // Without a deadline (no requestIdleCallback), one element per task.
  do queue.shift()?.();
  while (queue.length > 0 && deadline !== undefined && deadline.timeRemaining() > 2);
  if (queue.length > 0) whenIdle(drain);
}

// Safari has no <link rel="prefetch">; Docusaurus fetches there instead, and so do we.
function supportsPrefetchLinks(): boolean {
  return document.createElement('link').relList.supports('prefetch');
}

function prefetchNow(url: string): Promise<void> {
  if (!supportsPrefetchLinks()) {
    return fetch(url, { credentials: 'include' }).then(
      () => undefined,
      () => undefined,
    );
  }
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = url;
    // Docusaurus ignores the outcome too: a chunk that failed is loaded again on navigation.
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
}

function prefetchWhenIdle(url: string): Promise<void> {
  return new Promise((resolve) => {
    queue.push(() => void prefetchNow(url).then(resolve));
    if (queue.length === 1) whenIdle(drain);
  });
}

export default function prefetch(url: string): Promise<void> {
  if (typeof document === 'undefined' || requested.has(url)) return Promise.resolve();
  requested.add(url);
  if (loadedAsScript(url)) return Promise.resolve();
  return prefetchWhenIdle(url);
}
