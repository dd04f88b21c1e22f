// Which pages QuoteLens may read (issue 5's "only on click (activeTab)", "every page" and
// "listed sites"), on pages served from 127.0.0.1 with a strict CSP.
//
// The extension as installed (dist/extension: no host permission, "only when I ask") reads
// nothing until the reader clicks its toolbar button, and then only the tab clicked in.
// The click is Chromium's own action path (support.js clickToolbarButton: DevTools'
// Extensions.triggerAction, the nearest a test gets to the button, since Playwright cannot
// click browser UI). The other modes run on the copy that stands in for a reader who
// granted site access (support.js grantedExtension): the content script is registered for
// exactly the sites the settings name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { badgesOf, clickToolbarButton, escapeHtml, launchExtension, openPage, saveSettings, startServer, waitForAnalysis } from './support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Town keeps taxes flat</title></head>
<body><main><article><h1>Town keeps taxes flat</h1>
<p>Mayor Anna Lee spoke on Monday.</p>
<p>${escapeHtml('“We will not raise taxes this year,” she said.')}</p>
<p>${escapeHtml('Councillor Bob Marsh disagreed. “The budget does not add up,” Marsh said.')}</p>
</article></main></body></html>`;

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

before(async () => {
  server = await startServer((path) => (path.startsWith('/story') ? { body: PAGE, headers: { 'content-security-policy': STRICT_CSP } } : null));
});

after(async () => {
  await server?.close();
});

/** Whether QuoteLens left any trace in a page: overlay, highlights, attributes.
 * @param {import('playwright-core').Page} page */
const untouched = (page) =>
  page.evaluate(
    () => !document.documentElement.outerHTML.includes('quotelens') && ![...CSS.highlights.keys()].some((name) => name.startsWith('quotelens')),
  );

/** @param {import('playwright-core').Page} page @param {number} count */
const waitForBadges = (page, count) =>
  page.waitForFunction(
    (n) => (document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? []).length === n,
    count,
    { timeout: 10000 },
  );

test('"only when I ask" (as installed): no site access, nothing read until the toolbar button is clicked, then only that tab', async () => {
  const browser = await launchExtension({ access: 'none' });
  try {
    const worker = browser.worker();
    const state = await worker.evaluate(async () => ({
      origins: (await chrome.permissions.getAll()).origins ?? [],
      registered: await chrome.scripting.getRegisteredContentScripts(),
    }));
    assert.deepEqual(state, { origins: [], registered: [] }, 'no host access and no content script on any page');

    const clicked = await openPage(browser.context, `${server.origin}/story-1.html`);
    // The other tab is opened by the extension, which learns its id (without site access
    // it cannot tell tabs apart by their URLs).
    const otherUrl = `${server.origin}/story-2.html`;
    const [otherPage, otherTabId] = await Promise.all([
      browser.context.waitForEvent('page', (page) => page.url() === otherUrl || page.url() === 'about:blank'),
      worker.evaluate(async (url) => (await chrome.tabs.create({ url, active: false })).id, otherUrl),
    ]);
    await otherPage.waitForURL(otherUrl);
    /** @type {string[]} */
    const otherErrors = [];
    otherPage.on('pageerror', (error) => otherErrors.push(error.message));
    await clicked.page.waitForTimeout(700);
    assert.ok(await untouched(clicked.page), 'nothing painted before the click');
    assert.ok(await untouched(otherPage));

    await clickToolbarButton(browser.context, clicked.page);
    const analysis = await waitForAnalysis(browser.context, clicked.page);
    await waitForBadges(clicked.page, 2);
    assert.deepEqual((await badgesOf(clicked.page)).map((badge) => badge.label), ['Lee', 'Marsh']);
    assert.equal(analysis?.quotes.filter((quote) => quote.kind === 'direct').length, 2);
    // The click also opened the side panel (a page of the extension's, outside Playwright's
    // list of tabs, so asked of the browser).
    const session = await browser.context.browser()?.newBrowserCDPSession();
    const targets = /** @type {{targetInfos: {url: string}[]}} */ (await session?.send('Target.getTargets'));
    assert.ok(targets.targetInfos.some((target) => target.url === `chrome-extension://${browser.id}/sidepanel.html`), 'the panel opened');
    await session?.detach();

    // activeTab is for the tab clicked in, not the others: the panel, asked to read the
    // other tab, has no way in and says what would let it.
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${otherTabId}`);
    await panel.locator('#status', { hasText: 'toolbar button' }).waitFor({ timeout: 10000 });
    assert.equal(await panel.locator('#analyze-now').isVisible(), true, 'the button stays for a later try');
    assert.ok(await untouched(otherPage), 'the other tab stays unread');
    await panel.close();

    // Going to another site ends the grant: its page is not read, though the panel that
    // follows the tab asks for it. (Chromium keeps activeTab across navigations within
    // the site clicked on; there the open panel has the next page read.)
    await clicked.page.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/story-3.html`);
    await clicked.page.waitForTimeout(1000);
    assert.ok(await untouched(clicked.page), 'the other site is not read without a new click');
    assert.deepEqual([...clicked.errors, ...otherErrors], []);
  } finally {
    await browser.close();
  }
});

test('"every page" and "listed sites" (access granted): the content script is registered for exactly those pages', async () => {
  const browser = await launchExtension();
  try {
    const worker = browser.worker();
    const localhost = server.origin.replace('127.0.0.1', 'localhost');
    /** Opens a story and says whether QuoteLens read it without being asked. @param {string} origin @param {string} name */
    const readsByItself = async (origin, name) => {
      const { page, errors } = await openPage(browser.context, `${origin}/${name}.html`);
      try {
        await page.waitForFunction(() => document.querySelector('[data-quotelens-overlay]'), null, { timeout: 3000 }).catch(() => {});
        await page.waitForTimeout(200);
        assert.deepEqual(errors, []);
        return !(await untouched(page));
      } finally {
        await page.close();
      }
    };

    // The options page saves the choice (the browser's permission request succeeds at once:
    // access is granted) and the background registers the script for it.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.id}/options.html`);
    await options.waitForSelector('html[data-loaded="true"]');
    assert.equal(await options.locator('input[name="mode"][value="every"]').isChecked(), true);
    await options.locator('input[name="mode"][value="sites"]').check();
    await options.locator('#sites').fill('127.0.0.1\nexample.org');
    await options.locator('button[type="submit"]').click();
    await options.locator('#saved', { hasText: 'Saved.' }).waitFor();
    await saveSettings(worker, { mode: 'sites', sites: ['127.0.0.1', 'example.org'] });
    assert.deepEqual(
      await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map(({ matches, js, css, runAt }) => ({ matches: matches?.sort(), js, css, runAt }))),
      [{ matches: ['http://*.example.org/*', 'http://127.0.0.1/*', 'https://*.example.org/*', 'https://127.0.0.1/*'], js: ['messages.js', 'article-dom.js', 'content.js'], css: ['content.css'], runAt: 'document_start' }],
    );
    assert.equal(await readsByItself(server.origin, 'story-listed'), true, 'a listed site is read as it loads');
    assert.equal(await readsByItself(localhost, 'story-unlisted'), false, 'a site not listed is not');

    await options.locator('input[name="mode"][value="click"]').check();
    await options.locator('button[type="submit"]').click();
    await options.locator('#saved', { hasText: 'Saved.' }).waitFor();
    await saveSettings(worker, { mode: 'click', sites: ['127.0.0.1', 'example.org'] });
    assert.equal(await readsByItself(server.origin, 'story-asked'), false, '"only when I ask" reads nothing by itself');

    await options.locator('input[name="mode"][value="every"]').check();
    await options.locator('button[type="submit"]').click();
    await options.locator('#saved', { hasText: 'Saved.' }).waitFor();
    await saveSettings(worker, { mode: 'every', sites: ['127.0.0.1', 'example.org'] });
    assert.equal(await readsByItself(localhost, 'story-every'), true, 'every page is read');
    await options.close();
  } finally {
    await browser.close();
  }
});
