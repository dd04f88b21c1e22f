// Hostile pages and the extension's data (issue 7, browser side): page text stays inert in
// badges, cards and the panel; the page cannot talk to the extension; the background
// answers only well-formed messages from the right sender; a tab's result goes with the
// tab; settings survive a restart and nothing else persists; an extension reload leaves
// the page clean.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { badgesOf, escapeHtml, launchExtension, startServer, tabIdOf, waitForAnalysis, openPage } from './support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'";
// Markup, a script end tag, a javascript: URL and CSS, all as the page's *text*.
// (No quotation marks in it: those would end the quotation it sits in.)
const HOSTILE = '<img src=x onerror=document.title=name> </script><script>document.title=name</script> javascript:alert(1) <style>*{display:none}</style>';
const HOSTILE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`Budget row ${HOSTILE}`)}</title></head>
<body><main><article><h1>Budget row</h1>
<p>Councillor Bob Marsh spoke on Monday.</p>
<p>“The budget is short ${escapeHtml(HOSTILE)} again,” Marsh said.</p>
</article></main></body></html>`;
const PLAIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Taxes</title></head>
<body><main><article><h1>Town keeps taxes flat</h1><p>Mayor Anna Lee spoke on Monday.</p>
<p>“We will not raise taxes this year,” she said.</p></article></main></body></html>`;

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchExtension>>} */
let browser;

before(async () => {
  server = await startServer((path) => {
    const headers = { 'content-security-policy': STRICT_CSP };
    if (path === '/hostile.html') return { body: HOSTILE_PAGE, headers };
    if (path.startsWith('/plain')) return { body: PLAIN_PAGE, headers };
    return null;
  });
  browser = await launchExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** @param {string} path */
const open = (path) => openPage(browser.context, `${server.origin}${path}`, { analysed: true });

test('markup in page text stays text in the badge card and the panel; none of it runs', async () => {
  const { page, errors } = await open('/hostile.html');
  const badge = page.locator('[data-quotelens-overlay] .badge').first();
  await badge.focus();
  const card = page.locator('[data-quotelens-overlay] .card');
  await card.waitFor({ state: 'visible' });
  const overlayElements = await page.evaluate(() =>
    [...(document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('*') ?? [])].map((e) => e.localName),
  );
  assert.deepEqual(overlayElements.filter((name) => !['div', 'button', 'ul', 'li'].includes(name)), []);

  const panel = await browser.context.newPage();
  /** @type {string[]} */
  const panelErrors = [];
  panel.on('pageerror', (error) => panelErrors.push(error.message));
  panel.on('console', (message) => {
    if (message.type() === 'error') panelErrors.push(message.text());
  });
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${await tabIdOf(browser.context, page.url())}`);
  const quote = panel.locator('.quote-button').first();
  await quote.waitFor();
  assert.ok((await quote.innerText()).includes(HOSTILE), 'the quote reads as the page wrote it');
  assert.ok((await panel.locator('#page-title').innerText()).includes(HOSTILE), 'so does the title');
  assert.equal(await panel.locator('main img, main script, main style, main a, #page-title *').count(), 0);
  assert.equal(await panel.title(), 'QuoteLens');
  assert.equal(await page.title(), `Budget row ${HOSTILE}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(panelErrors, []);
  await panel.close();
  await page.close();
});

test('the content script ignores window.postMessage; the page cannot message the extension', async () => {
  const { page, errors } = await open('/plain.html');
  const before = await badgesOf(page);
  assert.equal(before.length, 1);
  const reachable = await page.evaluate(async (extensionId) => {
    for (const message of [
      { type: 'PANEL_TO_CONTENT_SCROLL_TO_QUOTE', quoteId: 0 },
      { type: 'BACKGROUND_TO_CONTENT_COMMAND', command: 'toggle-marks' },
      { type: 'BACKGROUND_TO_CONTENT_ANALYZE_NOW' },
    ]) {
      window.postMessage(message, '*');
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    const runtime = /** @type {any} */ (globalThis).chrome?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return 'no runtime';
    try {
      await runtime.sendMessage(extensionId, { type: 'PANEL_TO_BACKGROUND_GET_TAB_RESULT', tabId: 0 });
      return 'reached';
    } catch (error) {
      return `refused: ${error}`;
    }
  }, browser.id);
  assert.notEqual(reachable, 'reached');
  assert.deepEqual(await badgesOf(page), before, 'marks still on: the toggle was not obeyed');
  assert.equal(await page.evaluate(() => CSS.highlights.has('quotelens-flash')), false, 'no scroll-and-flash');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the background answers only well-formed messages from the right sender', async () => {
  const { page } = await open('/plain.html');
  const tabId = await tabIdOf(browser.context, page.url());
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/options.html`);
  const answers = await panel.evaluate(async (tab) => {
    /** @param {unknown} message */
    const ask = (message) =>
      chrome.runtime.sendMessage(message).then(
        (answer) => (answer === undefined ? 'no answer' : answer),
        () => 'no answer',
      );
    return {
      // An extension page is no content script: it may not have text analysed as a tab's.
      analyze: await ask({ type: 'CONTENT_TO_BACKGROUND_ANALYZE', title: 't', url: 'https://a.example/', blocks: [] }),
      painted: await ask({ type: 'CONTENT_TO_BACKGROUND_PAINTED', unanchored: [], marks: false }),
      badTabId: await ask({ type: 'PANEL_TO_BACKGROUND_GET_TAB_RESULT', tabId: String(tab) }),
      extraShape: await ask({ type: 'PANEL_TO_BACKGROUND_GET_TAB_RESULT' }),
      unknown: await ask({ type: 'CONTENT_TO_BACKGROUND_EVAL', code: '1' }),
      good: await ask({ type: 'PANEL_TO_BACKGROUND_GET_TAB_RESULT', tabId: tab }),
    };
  }, tabId);
  assert.equal(answers.analyze, 'no answer');
  assert.equal(answers.painted, 'no answer');
  assert.equal(answers.badTabId, 'no answer');
  assert.equal(answers.extraShape, 'no answer');
  assert.equal(answers.unknown, 'no answer');
  assert.equal(/** @type {any} */ (answers.good).ok, true);
  assert.equal(/** @type {any} */ (answers.good).result.url, page.url());
  // The refused "painted" report changed nothing.
  assert.equal(/** @type {any} */ (answers.good).result.marks, true);
  await panel.close();
  await page.close();
});

test('a tab\'s result is dropped when the tab closes; only settings persist', async () => {
  const { page } = await open('/plain.html?close');
  const tabId = await tabIdOf(browser.context, page.url());
  assert.equal(typeof tabId, 'number');
  await page.close();
  const worker = browser.worker();
  const gone = await worker.evaluate(async (key) => {
    for (let i = 0; i < 50; i++) {
      if (!(key in (await chrome.storage.session.get(key)))) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }, `tab:${tabId}`);
  assert.ok(gone, 'the closed tab’s result is gone');
  const persistent = await worker.evaluate(() => chrome.storage.local.get(null));
  assert.deepEqual(Object.keys(persistent).filter((key) => key !== 'settings'), [], 'no page content in local storage');
});

test('settings survive a browser restart', async () => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'quotelens-restart-'));
  try {
    const first = await launchExtension({ userDataDir });
    const options = await first.context.newPage();
    await options.goto(`chrome-extension://${first.id}/options.html`);
    await options.waitForSelector('html[data-loaded="true"]');
    await options.locator('input[name="mode"][value="sites"]').check();
    await options.locator('#sites').fill('https://www.bbc.co.uk/news\nlemonde.fr\nnot a site');
    await options.locator('button[type="submit"]').click();
    await options.locator('#saved').filter({ hasText: 'Saved' }).waitFor();
    assert.match(await options.locator('#saved').innerText(), /left out: not a site/);
    await first.close();

    const second = await launchExtension({ userDataDir });
    try {
      const again = await second.context.newPage();
      await again.goto(`chrome-extension://${second.id}/options.html`);
      await again.waitForSelector('html[data-loaded="true"]');
      assert.equal(await again.locator('input[name="mode"][value="sites"]').isChecked(), true);
      assert.equal(await again.locator('#sites').inputValue(), 'bbc.co.uk\nlemonde.fr');
      assert.deepEqual(await second.worker().evaluate(() => chrome.storage.session.get(null)), {}, 'no tab result survives');
    } finally {
      await second.close();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});

// Last: it reloads the extension of the shared browser.
test('reloading the extension ("Extension context invalidated") leaves the page clean', async () => {
  const { page, errors } = await open('/plain.html?reload');
  assert.equal((await badgesOf(page)).length, 1);
  await browser.worker().evaluate(() => {
    setTimeout(() => chrome.runtime.reload(), 50);
  });
  await page.waitForFunction(
    () => !document.querySelector('[data-quotelens-overlay]') && ![...CSS.highlights.keys()].some((name) => name.startsWith('quotelens')),
    null,
    { timeout: 10000 },
  );
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML.includes('quotelens')), false);
  assert.deepEqual(errors, []);
  await page.close();
});
