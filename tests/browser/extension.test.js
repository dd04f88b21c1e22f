// The extension, loaded unpacked into headless Chromium, on pages served from 127.0.0.1
// with a strict CSP (no inline script, no Wasm compilation in the page): the analysis runs
// in the background service worker and comes back as marks, badges and the side panel.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT, extensionId, launchChromium, newsPage, startServer } from './support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const QUOTE = 'We will not raise taxes this year,';

const QUOTE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Town keeps taxes flat</title>
<link rel="stylesheet" href="/page.css"></head>
<body><main><article>
<h1>Town keeps taxes flat</h1>
<p>Mayor Anna Lee spoke on Monday.</p>
<p>“${QUOTE}” she said.</p>
</article></main></body></html>`;

const PAGE_CSS = `
body { margin: 0; font: 18px/1.6 Georgia, "DejaVu Serif", serif; color: #1a1a1a; background: #fff; }
.masthead { border-bottom: 3px solid #1a1a1a; padding: 10px 40px; display: flex; gap: 24px; align-items: baseline; }
.masthead strong { font: 700 26px/1 Georgia, serif; }
.masthead a { color: #1a1a1a; font: 15px system-ui, sans-serif; text-decoration: none; }
main { max-width: 40rem; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 34px; line-height: 1.15; margin: 0 0 8px; }
.byline { color: #555; font: 14px system-ui, sans-serif; margin-bottom: 20px; }
aside { max-width: 40rem; margin: 24px auto; padding: 0 16px; font: 14px system-ui, sans-serif; }
footer { text-align: center; color: #777; font: 13px system-ui, sans-serif; padding: 24px; }
`;

/** @type {Awaited<ReturnType<typeof launchChromium>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {string} */
let id;
/** @type {string[]} */
const requestedUrls = [];

before(async () => {
  const news = await newsPage();
  server = await startServer((path) => {
    const headers = { 'content-security-policy': STRICT_CSP };
    if (path === '/quote.html') return { body: QUOTE_PAGE, headers };
    if (path === '/news.html') return { body: news, headers };
    if (path === '/page.css') return { body: PAGE_CSS, type: 'text/css', headers };
    return null;
  });
  id = await extensionId();
  browser = await launchChromium({ withExtension: true });
  browser.context.on('request', (request) => requestedUrls.push(request.url()));
  if (browser.context.serviceWorkers().length === 0) await browser.context.waitForEvent('serviceworker');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** @param {string} path */
async function openArticle(path) {
  const page = await browser.context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}${path}`);
  return { page, errors };
}

/** The id of the tab showing url, read from the results the background keeps per tab
 * (the extension has no "tabs" permission, so tabs.query hides URLs from it).
 * @param {string} url */
async function tabIdOf(url) {
  const [worker] = browser.context.serviceWorkers();
  return worker.evaluate(async (wanted) => {
    const stored = await chrome.storage.session.get(null);
    const key = Object.keys(stored).find((name) => /** @type {{url?: string}} */ (stored[name]).url === wanted);
    return key ? Number(key.replace('tab:', '')) : null;
  }, url);
}

test('the background service worker of the extension is running', () => {
  const workers = browser.context.serviceWorkers().map((worker) => worker.url());
  assert.deepEqual(workers, [`chrome-extension://${id}/background.js`]);
});

test('on a strict-CSP page the quote is marked and its badge names the speaker', async () => {
  const { page, errors } = await openArticle('/quote.html');
  const badge = page.locator('[data-quotelens-overlay] .badge');
  await badge.first().waitFor({ timeout: 15000 });
  assert.equal(await badge.count(), 1);
  assert.match(await badge.first().innerText(), /^(Anna )?Lee$/);
  assert.match((await badge.first().getAttribute('aria-label')) ?? '', /Anna Lee/);

  // The mark is a CSS highlight over exactly the quoted words; the page's DOM is untouched.
  const highlights = await page.evaluate(() =>
    [...CSS.highlights.entries()].map(([name, highlight]) => ({
      name,
      texts: [.../** @type {Set<AbstractRange>} */ (/** @type {unknown} */ (highlight))].map((range) =>
        range instanceof Range ? range.toString() : '',
      ),
    })),
  );
  assert.deepEqual(
    highlights.filter(({ name }) => name.startsWith('quotelens-')).flatMap(({ texts }) => texts),
    [QUOTE],
  );
  assert.equal(await page.locator('article').innerHTML().then((html) => html.includes('quotelens')), false);

  // The badge sits beside the text, over none of it.
  const badgeBox = await badge.first().boundingBox();
  assert.ok(badgeBox);
  const textBoxes = await page.evaluate(() =>
    [...document.querySelectorAll('h1, p')].flatMap((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return [...range.getClientRects()].map(({ x, y, width, height }) => ({ x, y, width, height }));
    }),
  );
  for (const box of textBoxes) {
    /** @type {boolean} */
    const overlaps =
      badgeBox.x < box.x + box.width && box.x < badgeBox.x + badgeBox.width &&
      badgeBox.y < box.y + box.height && box.y < badgeBox.y + badgeBox.height;
    assert.equal(overlaps, false, `badge ${JSON.stringify(badgeBox)} covers text at ${JSON.stringify(box)}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the side panel lists the quote under its speaker and scrolls to it', async () => {
  const { page } = await openArticle('/quote.html');
  await page.locator('[data-quotelens-overlay] .badge').first().waitFor({ timeout: 15000 });
  const tabId = await tabIdOf(page.url());
  assert.equal(typeof tabId, 'number');

  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);
  const group = panel.locator('.speaker-group', { has: panel.locator('h3', { hasText: 'Anna Lee' }) });
  await group.waitFor({ timeout: 10000 });
  assert.match(await group.locator('.quote-button').first().innerText(), new RegExp(QUOTE));
  assert.match(await panel.locator('#speakers').innerText(), /Anna Lee[\s\S]*1 quote/);
  assert.equal(await panel.locator('.page-title').innerText(), 'Town keeps taxes flat');

  await group.locator('.quote-button').first().click();
  await page.waitForFunction(() => CSS.highlights.has('quotelens-flash'), null, { timeout: 5000 });
  await panel.close();
  await page.close();
});

test('screenshots of the extension on a news article (docs/)', async () => {
  const { page, errors } = await openArticle('/news.html');
  await page.setViewportSize({ width: 1280, height: 1120 });
  const badges = page.locator('[data-quotelens-overlay] .badge');
  await badges.first().waitFor({ timeout: 15000 });
  const names = await badges.allInnerTexts();
  assert.ok(names.length >= 4, `badges: ${names}`);
  assert.ok(names.some((name) => /Lee/.test(name)) && names.some((name) => /Okafor/.test(name)), `badges: ${names}`);
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-extension.png') });

  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${await tabIdOf(page.url())}`);
  await panel.locator('.speaker-group').first().waitFor({ timeout: 10000 });
  await panel.screenshot({ path: join(ROOT, 'docs', 'screenshot-panel.png') });
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

test('no request leaves 127.0.0.1 or the extension', () => {
  assert.ok(requestedUrls.some((url) => url.startsWith(`${server.origin}/quote.html`)), 'page requests are recorded');
  // The service worker's own fetch of the engine shows that its requests are seen too.
  assert.ok(requestedUrls.includes(`chrome-extension://${id}/pkg/quotelens_bg.wasm`), 'worker requests are recorded');
  const foreign = requestedUrls.filter(
    (url) =>
      !url.startsWith(`${server.origin}/`) &&
      !url.startsWith(`chrome-extension://${id}/`) &&
      !url.startsWith('data:') &&
      url !== 'about:blank',
  );
  assert.deepEqual(foreign, []);
});
