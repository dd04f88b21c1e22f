// Accessibility: axe-core (through @axe-core/playwright) finds no serious or critical
// violation in the side panel, the options page and the playground; the badges are
// buttons with names, reachable from the keyboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';

import { WWW_DIR, launchExtension, newsPage, startServer, staticFiles, tabIdOf, waitForAnalysis } from './support.js';

/** @type {Awaited<ReturnType<typeof launchExtension>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

before(async () => {
  const news = await newsPage();
  const www = staticFiles(WWW_DIR);
  server = await startServer((path) => (path === '/news.html' ? { body: news } : www(path)));
  browser = await launchExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** @param {import('playwright-core').Page} page */
async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('the side panel with results: no serious or critical axe violation', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/news.html`);
  await waitForAnalysis(browser.context, page);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${await tabIdOf(browser.context, page.url())}`);
  await panel.locator('.quote-button').first().waitFor();
  assert.deepEqual(await seriousViolations(panel), []);
  // Reachable from the keyboard: Tab lands on the search field, then the filter.
  await panel.keyboard.press('Tab');
  assert.equal(await panel.evaluate(() => document.activeElement?.id), 'search');
  await panel.close();

  // The badges: named buttons in reading order, and their card describes them.
  const badges = page.locator('[data-quotelens-overlay] .badge');
  for (const label of await badges.evaluateAll((all) => all.map((badge) => badge.getAttribute('aria-label') ?? ''))) {
    assert.match(label, /^Quote by .+: /);
  }
  await page.close();
});

test('the options page: no serious or critical axe violation', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.id}/options.html`);
  await page.waitForSelector('html[data-loaded="true"]');
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});

test('the playground with the sample article: no serious or critical axe violation', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('html[data-engine="ready"]');
  await page.locator('[data-quotelens-overlay] .badge').first().waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
