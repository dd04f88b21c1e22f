// How the extension behaves for a reader, on strict-CSP pages from 127.0.0.1: the badge
// card, switching QuoteLens off, pages that change under it (appended paragraphs, a
// single-page-app navigation, an article shown only once its styles or its script are
// ready), the side panel opened before the page loads, its search and
// filter, the keyboard commands. (Which pages are read: site-access.test.js.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { badgesOf, clickToolbarButton, escapeHtml, launchExtension, newsPage, openPage, saveSettings, startServer, tabIdOf, waitForAnalysis } from './support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

/** @param {string} title @param {string[]} paragraphs */
const articlePage = (title, paragraphs) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/page.css"></head>
<body><header><a href="/">Home</a> <a href="/">News</a></header>
<main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</article></main><footer>© The Courier</footer></body></html>`;

const PAGE_CSS = `body { margin: 0; font: 18px/1.6 Georgia, serif; }
main { max-width: 38rem; margin: 24px auto; padding: 0 16px; }`;

const TAXES = articlePage('Town keeps taxes flat', [
  'Mayor Anna Lee spoke on Monday.',
  '“We will not raise taxes this year,” she said.',
  'Councillor Bob Marsh disagreed. “The budget does not add up,” Marsh said.',
]);

// Pages that show their article only once they are ready, with no change to the DOM of
// <body>: the content script's first read (as soon as the DOM is parsed) sees no article.
// One is revealed by a stylesheet that arrives late (the page hides its article until its
// own styles are in); the other by its script taking a "loading" class off <html> after
// the load event, as web-font loaders do.
/** @param {string} head @param {string} [htmlClass] */
const hiddenUntilReady = (head, htmlClass = '') =>
  TAXES.replace('<html lang="en">', `<html lang="en" class="${htmlClass}">`).replace('<link rel="stylesheet" href="/page.css">', head);
const SHEET_REVEALS = hiddenUntilReady('<link rel="stylesheet" href="/hide.css"><link rel="stylesheet" href="/slow-reveal.css">');
const CLASS_REVEALS = hiddenUntilReady('<link rel="stylesheet" href="/fonts.css"><script src="/fonts.js"></script>', 'fonts-loading');
const SLOW_SHEET_MS = 1500;
const SLOW_STYLED = TAXES.replace('/page.css', '/slow-page.css');

/** @type {Awaited<ReturnType<typeof launchExtension>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

before(async () => {
  const news = await newsPage();
  server = await startServer((path) => {
    const headers = { 'content-security-policy': STRICT_CSP };
    if (path === '/page.css') return { body: PAGE_CSS, type: 'text/css', headers };
    if (path === '/hide.css') return { body: 'article { display: none; }', type: 'text/css', headers };
    if (path === '/slow-reveal.css') {
      return new Promise((resolve) => setTimeout(() => resolve({ body: 'article { display: block; }', type: 'text/css', headers }), SLOW_SHEET_MS));
    }
    if (path === '/fonts.css') return { body: '.fonts-loading article { visibility: hidden; }', type: 'text/css', headers };
    if (path === '/fonts.js') {
      const script = "addEventListener('load', () => setTimeout(() => document.documentElement.classList.remove('fonts-loading'), 1000));";
      return { body: script, type: 'text/javascript', headers };
    }
    if (path === '/slow-page.css') {
      return new Promise((resolve) => setTimeout(() => resolve({ body: PAGE_CSS, type: 'text/css', headers }), SLOW_SHEET_MS));
    }
    if (path === '/slow-styled.html') return { body: SLOW_STYLED, headers };
    if (path === '/sheet-reveals.html') return { body: SHEET_REVEALS, headers };
    if (path === '/class-reveals.html') return { body: CLASS_REVEALS, headers };
    if (path === '/news.html') return { body: news, headers };
    if (path.startsWith('/taxes')) return { body: TAXES, headers };
    return null;
  });
  browser = await launchExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** @param {string} path */
const open = (path) => openPage(browser.context, `${server.origin}${path}`);

/** @param {import('playwright-core').Page} page @param {string} command */
async function command(page, command) {
  const tabId = await tabIdOf(browser.context, page.url());
  assert.equal(typeof tabId, 'number');
  return browser.worker().evaluate(
    ([tab, name]) => chrome.tabs.sendMessage(Number(tab), { type: 'BACKGROUND_TO_CONTENT_COMMAND', command: name }),
    [tabId, command],
  );
}

/** @param {import('playwright-core').Page} page @param {number} count */
const waitForBadges = (page, count) =>
  page.waitForFunction(
    (n) => (document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? []).length === n,
    count,
    { timeout: 10000 },
  );

test('a badge shows its card on focus and hover: full name, role, cue, confidence', async () => {
  const { page, errors } = await open('/taxes.html');
  await waitForAnalysis(browser.context, page);
  const badge = page.locator('[data-quotelens-overlay] .badge', { hasText: 'Lee' });
  const card = page.locator('[data-quotelens-overlay] .card');
  assert.equal(await card.isVisible(), false);
  await badge.focus();
  await card.waitFor({ state: 'visible' });
  const text = await card.innerText();
  assert.match(text, /Anna Lee/);
  assert.match(text, /Mayor/);
  assert.match(text, /cue “said”/);
  assert.match(text, /confidence \d+%/);
  assert.equal(await badge.getAttribute('aria-describedby'), 'quotelens-card');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  await page.locator('[data-quotelens-overlay] .badge', { hasText: 'Marsh' }).hover();
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /Bob Marsh/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('badges follow the text when the page reflows, and never cover it', async () => {
  const { page } = await open('/news.html');
  await waitForAnalysis(browser.context, page);
  /** Every badge against every text line of the page. */
  const coverage = () =>
    page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('[data-quotelens-overlay]')?.shadowRoot);
      const badges = [...root.querySelectorAll('.badge')].map((badge) => badge.getBoundingClientRect());
      const lines = [...document.querySelectorAll('h1, p, li')].flatMap((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return [...range.getClientRects()];
      });
      const hits = badges.filter((b) => lines.some((l) => b.left < l.right && l.left < b.right && b.top < l.bottom && l.top < b.bottom));
      const firstQuote = [...CSS.highlights.values()].flatMap((h) => [.../** @type {Set<Range>} */ (/** @type {unknown} */ (h))])[0];
      return { count: badges.length, hits: hits.length, firstTop: badges[0]?.top, quoteTop: firstQuote?.getBoundingClientRect().top };
    });
  const wide = await coverage();
  assert.ok(wide.count >= 4);
  assert.equal(wide.hits, 0, 'no badge covers text in a wide window');
  await page.setViewportSize({ width: 700, height: 800 });
  await page.waitForTimeout(300);
  const narrow = await coverage();
  assert.equal(narrow.count, wide.count, 'the same badges after the resize');
  assert.equal(narrow.hits, 0, 'no badge covers text in a narrow window');
  assert.ok(Math.abs(Number(narrow.firstTop) - Number(narrow.quoteTop)) < 40, 'the first badge moved with its quote');
  await page.close();
});

test('turning QuoteLens off leaves the page exactly as it was', async () => {
  // "Only when I ask" first: the page loads untouched, and its DOM is the reference.
  const worker = browser.worker();
  await saveSettings(worker, { mode: 'click', sites: [] });
  try {
    const { page, errors } = await open('/taxes.html?off');
    await page.waitForTimeout(500);
    const snapshot = () =>
      page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        highlights: [...CSS.highlights.keys()],
        scrollY: window.scrollY,
      }));
    const before = await snapshot();
    assert.equal(before.html.includes('quotelens'), false, 'nothing happens before the reader asks');
    assert.deepEqual(await badgesOf(page), []);

    await clickToolbarButton(browser.context, page);
    await waitForBadges(page, 2);
    assert.notEqual((await snapshot()).html, before.html);

    await command(page, 'toggle-marks');
    await waitForBadges(page, 0);
    assert.deepEqual(await snapshot(), before);
    await command(page, 'toggle-marks');
    await waitForBadges(page, 2);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await saveSettings(worker, { mode: 'every', sites: [] });
  }
});

test('paragraphs appended to the article are analysed, each quote badged once', async () => {
  const { page, errors } = await open('/taxes.html');
  await waitForAnalysis(browser.context, page);
  await waitForBadges(page, 2);
  const append = (/** @type {string} */ text) =>
    page.evaluate((paragraph) => {
      const p = document.createElement('p');
      p.textContent = paragraph;
      document.querySelector('article')?.append(p);
    }, text);
  await append('Resident Carla Diaz was pleased. “The library stays open on Sundays,” Diaz said.');
  await waitForBadges(page, 3);
  await append('“We will watch the council closely,” said Diaz.');
  await waitForBadges(page, 4);
  // A change that leaves the text as it is (a re-render) moves nothing and adds nothing.
  await page.evaluate(() => {
    const article = /** @type {HTMLElement} */ (document.querySelector('article'));
    article.className = 'rerendered';
    article.replaceChildren(...[...article.children].map((child) => child.cloneNode(true)));
  });
  await page.waitForTimeout(900);
  const badges = await badgesOf(page);
  assert.equal(badges.length, 4);
  assert.equal(new Set(badges.map((badge) => badge.quoteId)).size, 4, 'one badge per quote');
  assert.deepEqual(badges.map((badge) => badge.label).sort(), ['Diaz', 'Diaz', 'Lee', 'Marsh']);
  assert.equal(await page.locator('[data-quotelens-overlay]').count(), 1, 'one overlay');
  // The highlights follow the new nodes: every mark reads as its quote.
  const marked = await page.evaluate(() =>
    [...CSS.highlights.values()].flatMap((h) => [.../** @type {Set<Range>} */ (/** @type {unknown} */ (h))].map((r) => r.toString())),
  );
  assert.ok(marked.includes('We will not raise taxes this year,'), JSON.stringify(marked));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article hidden until its stylesheet arrives, or until a class leaves <html>, gets its badges once shown', async () => {
  for (const path of ['/sheet-reveals.html', '/class-reveals.html']) {
    const { page, errors } = await open(path);
    await waitForBadges(page, 2);
    assert.deepEqual((await badgesOf(page)).map((badge) => badge.label), ['Lee', 'Marsh'], path);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the page read again once loaded, with the same text, keeps its badges as they are (focus included)', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/slow-styled.html`, { waitUntil: 'domcontentloaded' });
  await waitForBadges(page, 2);
  assert.equal(await page.evaluate(() => document.readyState), 'interactive', 'badged before the stylesheet arrived');
  const badge = page.locator('[data-quotelens-overlay] .badge', { hasText: 'Lee' });
  await badge.focus();
  await badge.evaluate((element) => element.setAttribute('data-test-first', ''));
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('[data-quotelens-overlay] .badge[data-test-first]').count(), 1, 'the same badge, not a new one');
  const focused = await page.evaluate(() => document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.activeElement?.hasAttribute('data-test-first'));
  assert.equal(focused, true, 'still focused');
  await page.close();
});

test('a single-page-app navigation (history.pushState) is analysed as a new article', async () => {
  const { page, errors } = await open('/taxes.html');
  await waitForAnalysis(browser.context, page);
  await waitForBadges(page, 2);
  await page.evaluate(() => {
    history.pushState({}, '', '/taxes-story-2.html');
    document.title = 'Library hours extended';
    const article = /** @type {HTMLElement} */ (document.querySelector('article'));
    const heading = document.createElement('h1');
    heading.textContent = 'Library hours extended';
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Librarian Omar Haddad announced the change. “We will open every evening until nine,” Haddad said.';
    article.replaceChildren(heading, paragraph);
  });
  await page.waitForFunction(() => {
    const labels = [...(document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent);
    return labels.length > 0 && labels.every((label) => label === 'Haddad');
  }, null, { timeout: 10000 });
  const tabId = await tabIdOf(browser.context, `${server.origin}/taxes-story-2.html`);
  assert.equal(typeof tabId, 'number', 'the tab result is the new URL’s');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the side panel opened before the page loads shows the page once it is read', async () => {
  const page = await browser.context.newPage();
  const worker = browser.worker();
  const tabId = await worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Math.max(...tabs.map((tab) => tab.id ?? -1));
  });
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${tabId}`);
  await panel.locator('#status').waitFor();
  assert.match(await panel.locator('#status').innerText(), /No article/);
  await page.goto(`${server.origin}/taxes.html`);
  await panel.locator('.speaker-group', { has: panel.locator('h3', { hasText: 'Anna Lee' }) }).waitFor({ timeout: 10000 });
  assert.match(await panel.locator('#speakers').innerText(), /Bob Marsh[\s\S]*1 quote/);
  await panel.close();
  await page.close();
});

test('the side panel filters by search and by speaker; a click jumps to the quote', async () => {
  const { page } = await open('/news.html');
  await waitForAnalysis(browser.context, page);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${await tabIdOf(browser.context, page.url())}`);
  await panel.locator('.quote-button').first().waitFor();
  const all = await panel.locator('.quote-button').count();
  await panel.locator('#search').fill('bus');
  const found = await panel.locator('.quote-button').allInnerTexts();
  assert.ok(found.length >= 1 && found.length < all, `${found.length} of ${all}`);
  assert.ok(found.every((text) => /bus/i.test(text)), found.join(' | '));
  assert.match(await panel.locator('#shown').innerText(), new RegExp(`${found.length} of \\d+ quotes shown`));
  await panel.locator('#search').fill('');
  await panel.locator('.speaker-button', { hasText: 'Priya Raman' }).click();
  assert.equal(await panel.locator('.speaker-button', { hasText: 'Priya Raman' }).getAttribute('aria-pressed'), 'true');
  const groups = await panel.locator('.speaker-group h3').allInnerTexts();
  assert.deepEqual(groups.map((heading) => heading.includes('Priya Raman')), groups.map(() => true));
  await panel.locator('.quote-button').first().click();
  await page.waitForFunction(() => CSS.highlights.has('quotelens-flash'), null, { timeout: 5000 });
  await panel.close();
  await page.close();
});

test('keyboard commands jump between quotes and focus their badges', async () => {
  const { page } = await open('/news.html');
  await waitForAnalysis(browser.context, page);
  const focused = () =>
    page.evaluate(() => /** @type {HTMLElement | null} */ (document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.activeElement)?.dataset.quoteId ?? null);
  const order = (await badgesOf(page)).map((badge) => String(badge.quoteId));
  await command(page, 'next-quote');
  await page.waitForFunction(() => CSS.highlights.has('quotelens-flash'));
  assert.equal(await focused(), order[0]);
  await command(page, 'next-quote');
  assert.equal(await focused(), order[1]);
  await command(page, 'previous-quote');
  assert.equal(await focused(), order[0]);
  await command(page, 'previous-quote');
  assert.equal(await focused(), order[order.length - 1], 'wraps around');
  await page.close();
});

test('the side panel exports the tab\'s quotes through the engine (CSV, citations, JSON-LD)', async () => {
  const { page } = await open('/taxes.html?export');
  await waitForAnalysis(browser.context, page);
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${await tabIdOf(browser.context, page.url())}`);
  await panel.locator('.quote-button').first().waitFor();
  /** @param {string} format */
  const download = async (format) => {
    const [file] = await Promise.all([panel.waitForEvent('download'), panel.locator(`#exports button[data-format="${format}"]`).click()]);
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    return { name: file.suggestedFilename(), content: await readFile(path, 'utf8') };
  };
  const csv = await download('csv');
  assert.match(csv.name, /^quotelens-127\.0\.0\.1-quotes\.csv$/);
  assert.match(csv.content, /We will not raise taxes this year/);
  assert.match(csv.content, /Anna Lee/);
  const citation = await download('citation');
  assert.match(citation.content, /#:~:text=/, 'the citation links to the quote with a text fragment');
  const annotations = JSON.parse((await download('webannotation')).content);
  assert.ok(annotations, 'Web Annotation JSON-LD parses');
  assert.match(await panel.locator('#export-status').innerText(), /Saved quotelens-/);
  await panel.close();
  await page.close();
});
