// Time from page load to QuoteLens badges painted, in headless Chromium with the
// extension loaded, on the largest of the real test pages served from 127.0.0.1.
//
// usage: node bench/browser.mjs [--quick] [--pages DIR] [--json OUT]
// Timings are printed, never asserted.
//
// What is measured, in the page's own clock (performance.now(), from navigation start):
// - dcl: DOMContentLoaded ended: the article's DOM is complete ("the article is available");
// - load: the load event ended;
// - badge: the first badge element appeared in the overlay's shadow root (a
//   MutationObserver in the page's main world sees the content script's DOM writes);
// - painted: the next animation frame after that, i.e. the badge has been laid out and
//   handed to the compositor;
// - request: when the content script's analysis request reached the service worker (a
//   second onMessage listener there notes the wall-clock time), which splits the wait
//   for the content script's start after DOMContentLoaded plus its block collection and
//   the request's delivery, from the engine, the reply, anchoring and painting.
// The first load includes starting the service worker's engine (Wasm compile); later
// loads reuse it, as browsing does. Both are reported.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CHROMIUM, launchChromium, startServer } from '../tests/browser/support.js';

const args = process.argv.slice(2);
/** @param {string} name */
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const pagesDir = flag('--pages');
const jsonOut = flag('--json');

/** @param {string} message */
function skip(message) {
  console.log(`browser: skipped (${message})`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ skipped: message }, null, 2));
  process.exit(0);
}

if (!existsSync(CHROMIUM)) skip(`no Chromium at ${CHROMIUM}; ./build.sh setup installs it`);
if (!pagesDir || !existsSync(pagesDir)) skip(`${pagesDir ?? 'no --pages'} not found; the test pages are not in the repository`);
const pages = readdirSync(/** @type {string} */ (pagesDir))
  .map((name) => join(/** @type {string} */ (pagesDir), name, 'source.html'))
  .filter((file) => existsSync(file));
if (pages.length === 0) skip(`no */source.html under ${pagesDir}`);
const largest = pages.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
const name = largest.split('/').at(-2) ?? largest;
const html = readFileSync(largest);

// Installed before any page script: records navigation-relative times of the first badge
// and of the frame after it.
const PROBE = () => {
  /** @type {{badge?: number, painted?: number}} */
  const marks = {};
  Object.defineProperty(window, '__quotelensBench', { value: marks });
  /** @param {ShadowRoot} root */
  const watchShadow = (root) => {
    const seen = () => {
      if (marks.badge !== undefined || !root.querySelector('.badge')) return false;
      marks.badge = performance.now();
      requestAnimationFrame(() => {
        marks.painted = performance.now();
      });
      return true;
    };
    if (seen()) return;
    const observer = new MutationObserver(() => {
      if (seen()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && node.hasAttribute('data-quotelens-overlay') && node.shadowRoot) {
          observer.disconnect();
          watchShadow(node.shadowRoot);
          return;
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

const server = await startServer((path) => (path === '/article.html' ? { body: html } : null));
const browser = await launchChromium({ withExtension: true });
/** @type {{dcl: number, load: number, badge: number, painted: number, badges: number, request: number}[]} */
const loads = [];
try {
  // The page's third-party resources would go to the network: refuse them at once so
  // the measurement is the page and the extension, not DNS timeouts.
  await browser.context.route('**/*', (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
  );
  await browser.context.addInitScript(PROBE);
  if (browser.context.serviceWorkers().length === 0) await browser.context.waitForEvent('serviceworker');
  const [worker] = browser.context.serviceWorkers();
  await worker.evaluate(() => {
    /** @type {{url: string, at: number}[]} */
    const requests = [];
    Object.defineProperty(globalThis, '__quotelensBenchRequests', { value: requests });
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'CONTENT_TO_BACKGROUND_ANALYZE') requests.push({ url: sender.url ?? '', at: Date.now() });
      return false;
    });
  });
  const runs = quick ? 1 : 6;
  for (let i = 0; i < runs; i += 1) {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/article.html`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => /** @type {any} */ (window).__quotelensBench?.painted !== undefined,
      null,
      { timeout: 30000, polling: 50 },
    );
    const requestAt = await worker.evaluate(() => /** @type {any} */ (globalThis).__quotelensBenchRequests.at(-1)?.at ?? NaN);
    loads.push(
      await page.evaluate((requestAt) => {
        const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
        const marks = /** @type {any} */ (window).__quotelensBench;
        const host = document.querySelector('[data-quotelens-overlay]');
        return {
          dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          badge: marks.badge,
          painted: marks.painted,
          badges: host?.shadowRoot?.querySelectorAll('.badge').length ?? 0,
          // Wall clocks of the worker and the page agree on one machine (to ~1 ms).
          request: requestAt - performance.timeOrigin,
        };
      }, requestAt),
    );
    await page.close();
  }
} catch (error) {
  console.log(`browser: failed (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ failed: String(error) }, null, 2));
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}

if (loads.length > 0) {
  /** @param {number[]} values */
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  /** @param {typeof loads} set */
  const summary = (set) => ({
    dcl: median(set.map((l) => l.dcl)),
    load: median(set.map((l) => l.load)),
    painted: median(set.map((l) => l.painted)),
    after_dcl: median(set.map((l) => l.painted - l.dcl)),
    after_load: median(set.map((l) => l.painted - l.load)),
    request: median(set.map((l) => l.request)),
    after_request: median(set.map((l) => l.painted - l.request)),
  });
  const cold = summary(loads.slice(0, 1));
  const warm = loads.length > 1 ? summary(loads.slice(1)) : null;
  const line = (/** @type {string} */ label, /** @type {ReturnType<typeof summary>} */ s) =>
    console.log(
      `  ${label}: DOMContentLoaded ${s.dcl.toFixed(0)} ms, load ${s.load.toFixed(0)} ms, badges painted ${s.painted.toFixed(0)} ms ` +
        `after navigation start = ${s.after_dcl.toFixed(0)} ms after DOMContentLoaded (${s.after_load.toFixed(0)} ms after load); ` +
        `request reached the engine at ${s.request.toFixed(0)} ms, badges painted ${s.after_request.toFixed(0)} ms later`,
    );
  console.log(`browser: headless Chromium (${CHROMIUM}), ${name} (${(html.length / 1000).toFixed(0)} KB of HTML), ${loads[0].badges} badges`);
  line('first load (engine starts)', cold);
  if (warm) line(`later loads (median of ${loads.length - 1})`, warm);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ page: name, bytes: html.length, badges: loads[0].badges, cold, warm, loads }, null, 2));
}
