// The www/ playground in headless Chromium, served from 127.0.0.1 as ./build.sh demo
// serves it: the sample article loads with badges, and pasted text is analysed in place.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { WWW_DIR, launchChromium, startServer, staticFiles } from './support.js';

/** @type {Awaited<ReturnType<typeof launchChromium>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {string[]} */
const requestedUrls = [];

before(async () => {
  server = await startServer(staticFiles(WWW_DIR));
  browser = await launchChromium();
  browser.context.on('request', (request) => requestedUrls.push(request.url()));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPlayground() {
  const page = await browser.context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 10000 });
  return { page, errors };
}

test('the sample article is preloaded and shows speaker badges', async () => {
  const { page, errors } = await openPlayground();
  const badges = page.locator('[data-quotelens-overlay] .badge');
  await badges.first().waitFor({ timeout: 10000 });
  const names = await badges.allInnerTexts();
  assert.ok(names.some((name) => /Lee/.test(name)), `badges: ${names}`);
  assert.ok(names.some((name) => /Okafor/.test(name)), `badges: ${names}`);
  assert.match(await page.locator('#engine-version').innerText(), /^v\d+\.\d+\.\d+/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('pasted text is analysed: the quote is marked and badged with its speaker', async () => {
  const { page, errors } = await openPlayground();
  await page.locator('#source').fill('Mayor Anna Lee spoke on Monday.\n“We will not raise taxes this year,” she said.');
  await page.locator('#analyze').click();
  const badges = page.locator('[data-quotelens-overlay] .badge');
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-quotelens-overlay]');
    return host?.shadowRoot?.querySelectorAll('.badge').length === 1;
  }, null, { timeout: 10000 });
  assert.match(await badges.first().innerText(), /^(Anna )?Lee$/);
  const marked = await page.evaluate(() =>
    [...CSS.highlights.values()].flatMap((highlight) =>
      [.../** @type {Set<AbstractRange>} */ (/** @type {unknown} */ (highlight))].map((range) =>
        range instanceof Range ? range.toString() : '',
      ),
    ),
  );
  assert.deepEqual(marked, ['We will not raise taxes this year,']);
  assert.match(await page.locator('#quotes').innerText(), /Anna Lee[\s\S]*We will not raise taxes this year/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('page text is shown as text, never run as HTML', async () => {
  const { page, errors } = await openPlayground();
  await page.locator('#source').fill('<img src=x onerror="document.title=\'pwned\'"> “It <b>works</b>,” she said.');
  await page.locator('#analyze').click();
  await page.locator('#article p').first().waitFor();
  assert.equal(await page.locator('#article img, #article b').count(), 0);
  assert.match(await page.locator('#article').innerText(), /<img src=x onerror=/);
  assert.notEqual(await page.title(), 'pwned');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the playground makes no request outside its own origin', () => {
  assert.ok(requestedUrls.some((url) => url.endsWith('/pkg/quotelens_bg.wasm')), 'requests are recorded');
  assert.deepEqual(
    requestedUrls.filter((url) => !url.startsWith(`${server.origin}/`)),
    [],
  );
});
