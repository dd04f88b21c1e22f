// "Check quote" in a real browser, on strict-CSP pages from 127.0.0.1: a selection that
// misquotes a quote of the page gets a card with the speaker and the word diff; the side
// panel's paste box runs the same check; the local archive saves a page's quotes, a check
// on another page finds them, exports them as JSONL, and clearing empties it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { escapeHtml, launchExtension, startServer, tabIdOf, waitForAnalysis, openPage } from './support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

/** @param {string} title @param {string[]} paragraphs */
const articlePage = (title, paragraphs) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</article></main></body></html>`;

const TAXES = articlePage('Town keeps taxes flat', [
  'Mayor Anna Lee spoke on Monday at the town hall.',
  '“We will not raise taxes this year, and we will protect the library,” she said.',
  'Councillor Bob Marsh disagreed. “The budget does not add up,” Marsh said.',
  'By Tuesday a leaflet was quoting the mayor as promising that we will never raise taxes this year.',
]);

const LATER = articlePage('Taxes rise after all', [
  'The council voted on Friday to raise taxes by two per cent.',
  'Residents recalled the summer, when the mayor said taxes would stay flat.',
]);

/** @type {Awaited<ReturnType<typeof launchExtension>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

before(async () => {
  server = await startServer((path) => {
    const headers = { 'content-security-policy': STRICT_CSP };
    if (path.startsWith('/taxes')) return { body: TAXES, headers };
    if (path.startsWith('/later')) return { body: LATER, headers };
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

/** The panel for a page's tab, opened as a tab. @param {import('playwright-core').Page} page */
async function panelFor(page) {
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${await tabIdOf(browser.context, page.url())}`);
  await panel.locator('.quote-button').first().waitFor();
  return panel;
}

/** What the context menu entry and the keyboard command send the page's script.
 * @param {import('playwright-core').Page} page */
async function checkQuoteCommand(page) {
  const tabId = await tabIdOf(browser.context, page.url());
  return browser.worker().evaluate(
    (tab) => chrome.tabs.sendMessage(Number(tab), { type: 'BACKGROUND_TO_CONTENT_COMMAND', command: 'check-quote' }),
    tabId,
  );
}

/** Selects `words` inside the first paragraph that contains them. @param {import('playwright-core').Page} page @param {string} words */
function select(page, words) {
  return page.evaluate((wanted) => {
    const paragraph = [...document.querySelectorAll('p')].find((p) => (p.textContent ?? '').includes(wanted));
    const node = /** @type {Text} */ (paragraph?.firstChild);
    const at = node.data.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    const selection = /** @type {Selection} */ (window.getSelection());
    selection.removeAllRanges();
    selection.addRange(range);
  }, words);
}

/** The check card's text and its diff. @param {import('playwright-core').Page} page */
async function card(page) {
  await page.waitForFunction(() => document.querySelector('[data-quotelens-check]')?.shadowRoot?.querySelector('.check'), null, {
    timeout: 10000,
  });
  return page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('[data-quotelens-check]')?.shadowRoot);
    return {
      text: root.querySelector('.check')?.textContent ?? '',
      deleted: [...root.querySelectorAll('del')].map((node) => node.textContent),
      inserted: [...root.querySelectorAll('ins')].map((node) => node.textContent),
      buttons: root.querySelectorAll('button.appearance').length,
    };
  });
}

test('"Check quote" on a misquoting selection: the card names the speaker and shows the word diff', async () => {
  const { page, errors } = await open('/taxes.html');
  await select(page, 'we will never raise taxes this year');
  const reply = await checkQuoteCommand(page);
  assert.equal(reply?.ok, true);
  const shown = await card(page);
  assert.match(shown.text, /The selected words are the writer’s own words/);
  assert.match(shown.text, /Elsewhere on this page/);
  assert.match(shown.text, /Nearly the same words: the wording differs · a quotation of Anna Lee/);
  assert.match(shown.text, /Attributed in: “.*she said\.”/);
  assert.deepEqual(shown.deleted, ['not']);
  assert.deepEqual(shown.inserted, ['never']);
  // Clicking the appearance goes to the quote and flashes it.
  await page.evaluate(() =>
    /** @type {HTMLButtonElement} */ (document.querySelector('[data-quotelens-check]')?.shadowRoot?.querySelector('button.appearance')).click(),
  );
  await page.waitForFunction(() => CSS.highlights.has('quotelens-flash'));
  // Escape closes the card; nothing of it stays.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-quotelens-check]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the side panel checks a pasted quote over the page: speaker, ellipsis, diff', async () => {
  const { page } = await open('/taxes.html?paste');
  const panel = await panelFor(page);
  await panel.locator('#check-passage').fill('"We will not raise taxes … and we will close the library"');
  await panel.locator('#check-form button[type="submit"]').click();
  const result = panel.locator('#check-result .check');
  await result.waitFor();
  const text = await result.innerText();
  assert.match(text, /Nearly the same words: the wording differs as a quotation of Anna Lee/);
  assert.match(text, /Speaker: Anna Lee/);
  // The best appearance's diff, then the other appearances (the leaflet's misquote).
  const diff = result.locator(':scope > .diff');
  assert.deepEqual(await diff.locator('del').allInnerTexts(), ['protect']);
  assert.deepEqual(await diff.locator('ins').allInnerTexts(), ['close']);
  assert.match(await diff.locator('.elided').innerText(), /this year/);
  assert.match(await result.locator('button.appearance').first().innerText(), /Partly the same words · the writer’s own words[^]*we will never/);
  // Clicking it scrolls the page there and flashes it.
  await result.locator('button.appearance').first().click();
  await page.waitForFunction(() => CSS.highlights.has('quotelens-flash'));
  await panel.close();
  await page.close();
});

test('the archive: save a page\'s quotes, a check elsewhere finds them, export JSONL, clear all', async () => {
  const { page: first } = await open('/taxes.html?archive');
  const firstPanel = await panelFor(first);
  await firstPanel.locator('#archive-save').click();
  await firstPanel.locator('#archive-status', { hasText: /Saved \d+ quotes of this page/ }).waitFor();
  await firstPanel.close();

  const { page: later } = await open('/later.html');
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${await tabIdOf(browser.context, later.url())}`);
  await panel.locator('#check-passage').waitFor();
  await panel.locator('#check-passage').fill('We will not raise taxes next year');
  await panel.locator('#check-form button[type="submit"]').click();
  const entry = panel.locator('#check-result .archive-entry').first();
  await entry.waitFor();
  const text = await entry.innerText();
  assert.match(text, /saved \d{4}-\d{2}-\d{2} · Anna Lee/);
  assert.match(text, /Town keeps taxes flat/);
  assert.equal(await entry.locator('a').getAttribute('href'), `${server.origin}/taxes.html?archive`);
  assert.deepEqual(await entry.locator('del').allInnerTexts(), ['this']);
  assert.deepEqual(await entry.locator('ins').allInnerTexts(), ['next']);

  const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator('#archive-export').click()]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(download.suggestedFilename(), 'quotelens-archive.jsonl');
  assert.ok(lines.some((line) => line.text.startsWith('We will not raise taxes this year') && line.speaker === 'Anna Lee'));
  assert.ok(lines.every((line) => line.url === `${server.origin}/taxes.html?archive` && !Number.isNaN(Date.parse(line.savedAt))));

  await panel.locator('#archive-clear').click();
  await panel.locator('#archive-clear', { hasText: 'Really delete' }).waitFor();
  await panel.locator('#archive-clear').click();
  await panel.locator('#archive-status', { hasText: '0 quotes in the archive' }).waitFor();
  await panel.locator('#check-form button[type="submit"]').click();
  await panel.locator('#check-result .check').waitFor();
  assert.equal(await panel.locator('#check-result .archive-entry').count(), 0);

  // Import brings the exported lines back.
  await panel.locator('#archive-import').setInputFiles({
    name: 'archive.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(`${lines.map((line) => JSON.stringify(line)).join('\n')}\nnot json\n`),
  });
  await panel.locator('#archive-status', { hasText: `Imported ${lines.length} quotes (1 lines refused)` }).waitFor();
  await panel.close();
  await later.close();
  await first.close();
});
