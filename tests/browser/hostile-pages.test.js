// Pages that make reading hard (issue 7), written for these tests and served from
// 127.0.0.1 with a strict CSP (their scripts are files of the same origin): shadow DOM and
// iframes, right-to-left and mixed-direction text, an article rewritten while it is read.
// On each: no page error, the page's own scripts keep working, marks on exactly the
// quoted words, one badge per quote, and no badge over the text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { badgesOf, escapeHtml, launchExtension, openPage, startServer, waitForAnalysis } from './support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const PAGE_CSS = `body { margin: 0; font: 18px/1.6 Georgia, "DejaVu Serif", serif; color: #1a1a1a; background: #fff; }
main { max-width: 38rem; margin: 24px auto; padding: 0 16px; }
iframe { width: 100%; height: 120px; border: 1px solid #999; }`;

/** @param {string} title @param {string} body @param {string} [head] */
const page = (title, body, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/page.css">${head}</head>
<body>${body}</body></html>`;

// An article built as a web component: its body in an open shadow root, headline and one
// paragraph slotted from the light DOM; a widget in a closed shadow root; a same-origin
// iframe with a quotation of its own. The component's script also keeps a counter (its own
// behaviour, which must survive) and can add a paragraph inside its shadow root.
const COMPONENTS = page(
  'Harbour plan approved',
  `<main>
<news-article>
  <span slot="headline">Harbour plan approved</span>
  <p>${escapeHtml('Councillor Tom Reyes was less sure. “We have not seen the costs,” Reyes said.')}</p>
</news-article>
<sales-widget></sales-widget>
<iframe src="/embed.html" title="Freight figures"></iframe>
</main>
<script src="/components.js"></script>`,
);
const COMPONENTS_JS = `
customElements.define('news-article', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const heading = document.createElement('h1');
    heading.append(document.createElement('slot'));
    heading.firstChild.name = 'headline';
    const lede = document.createElement('p');
    lede.textContent = 'Harbour master Ruth Okoye welcomed the vote on Tuesday evening.';
    const quote = document.createElement('p');
    quote.textContent = '\\u201cThe new quay will be ready by spring,\\u201d Okoye said.';
    const counter = document.createElement('button');
    counter.id = 'counter';
    counter.textContent = '0';
    counter.addEventListener('click', () => { counter.textContent = String(Number(counter.textContent) + 1); });
    root.append(heading, lede, quote, document.createElement('slot'), counter);
  }
  addParagraph(text) {
    const p = document.createElement('p');
    p.textContent = text;
    this.shadowRoot.insertBefore(p, this.shadowRoot.getElementById('counter'));
  }
});
customElements.define('sales-widget', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'closed' });
    const p = document.createElement('p');
    p.textContent = '\\u201cSubscribe today and save,\\u201d said sales director Jo King.';
    root.append(p);
  }
});
document.body.dataset.components = 'ready';
`;
const EMBED = page(
  'Freight figures',
  `<p>${escapeHtml('Analyst Mia Chen said: “Freight volumes will double by next year.”')}</p><script src="/embed.js"></script>`,
);
const EMBED_JS = `document.body.dataset.embedScript = 'ran';
new MutationObserver(() => { document.body.dataset.mutated = 'yes'; }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });`;

// An article a script keeps rewriting, React-style, for 3.6 s: the server-rendered
// <article> swapped for a fresh copy at once (hydration), then every 120 ms either its
// children replaced or its text nodes changed in place, between two stories, ending on a
// third. Longer than QuoteLens's longest wait for a quiet page (2.5 s), so it reads the
// article mid-rewrite and gets answers about text that is gone.
const STORY_A = ['Mayor Anna Lee spoke on Monday.', '\u201cWe will not raise taxes this year,\u201d she said.'];
const STORY_B = ['Councillor Bob Marsh spoke on Tuesday.', '\u201cThe budget does not add up,\u201d Marsh said.'];
const FINAL = [
  'Harbour master Ruth Okoye welcomed the vote on Tuesday evening.',
  '\u201cThe new quay will be ready by spring,\u201d Okoye said.',
  'Councillor Tom Reyes was less sure. \u201cWe have not seen the costs,\u201d Reyes said.',
];
const REWRITE = page(
  'Live: council vote',
  `<main><article><h1>Live: council vote</h1>${STORY_A.map((text) => `<p>${escapeHtml(JSON.parse(`"${text}"`))}</p>`).join('')}</article></main>
<script src="/rewrite.js"></script>`,
);
const REWRITE_JS = `
const stories = [${JSON.stringify(STORY_A)}, ${JSON.stringify(STORY_B)}];
const final = ${JSON.stringify(FINAL)};
const paragraphs = (texts) => texts.map((text) => { const p = document.createElement('p'); p.textContent = text; return p; });
const server = document.querySelector('article');
server.replaceWith(server.cloneNode(true));
let step = 0;
const timer = setInterval(() => {
  step += 1;
  const article = document.querySelector('article');
  const heading = article.querySelector('h1');
  if (step === 30) {
    clearInterval(timer);
    article.replaceChildren(heading, ...paragraphs(final));
    document.body.dataset.rewrites = String(step);
    return;
  }
  const story = stories[step % 2];
  const current = [...article.querySelectorAll('p')];
  if (step % 3 === 0 && current.length === story.length) {
    current.forEach((p, i) => { p.firstChild.data = story[i]; });
  } else {
    article.replaceChildren(heading, ...paragraphs(story));
  }
}, 120);
`;

// Right-to-left and mixed-direction text: an English story quoting Arabic and Hebrew, and
// an Arabic page (dir="rtl") with an English paragraph in it.
const MIXED = page(
  'Cairo rebuilds',
  `<main><article><h1>Cairo rebuilds</h1>
<p>Mayor Ahmed Hassan spoke in Cairo on Monday.</p>
<p>${escapeHtml('“سنعيد بناء المدينة قبل الشتاء,” Hassan said, meaning the city would be rebuilt before winter.')}</p>
<p>${escapeHtml('Rabbi David Levi, in Jerusalem, agreed. “אנחנו נבנה מחדש,” Levi told reporters.')}</p>
<p>${escapeHtml('The minister, Leila Haddad, disagreed. “The budget does not allow it,” Haddad said.')}</p>
</article></main>`,
);
const RTL = page(
  'إعادة بناء المدينة',
  `<main><article><h1>إعادة بناء المدينة</h1>
<p>${escapeHtml('قال الوزير أحمد حسن يوم الاثنين: «سنعيد بناء المدينة قبل الشتاء».')}</p>
<p>وأضاف حسن أن الميزانية جاهزة.</p>
<p>${escapeHtml('«لن ننتظر أكثر من ذلك»، قال رئيس البلدية.')}</p>
<p dir="ltr" lang="en">${escapeHtml('The visiting engineer Sarah Cole agreed. “The plan is sound,” Cole said.')}</p>
</article></main>`,
).replace('<html lang="en">', '<html lang="ar" dir="rtl">');

/** @type {Awaited<ReturnType<typeof launchExtension>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

before(async () => {
  server = await startServer((path) => {
    const headers = { 'content-security-policy': STRICT_CSP };
    /** @type {Record<string, [string, string]>} */
    const files = {
      '/page.css': [PAGE_CSS, 'text/css'],
      '/components.html': [COMPONENTS, 'text/html; charset=utf-8'],
      '/components.js': [COMPONENTS_JS, 'text/javascript'],
      '/embed.html': [EMBED, 'text/html; charset=utf-8'],
      '/embed.js': [EMBED_JS, 'text/javascript'],
      '/rewrite.html': [REWRITE, 'text/html; charset=utf-8'],
      '/mixed.html': [MIXED, 'text/html; charset=utf-8'],
      '/rtl.html': [RTL, 'text/html; charset=utf-8'],
      '/rewrite.js': [REWRITE_JS, 'text/javascript'],
    };
    const file = files[path];
    return file ? { body: file[0], type: file[1], headers } : null;
  });
  browser = await launchExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Every QuoteLens mark on the page: highlight name, text, and where its text lives
 * ('document' or 'shadow').
 * @param {import('playwright-core').Page} tab
 */
const marksOf = (tab) =>
  tab.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('quotelens-') && name !== 'quotelens-flash')
      .flatMap(([name, highlight]) =>
        [.../** @type {Set<Range>} */ (/** @type {unknown} */ (highlight))].map((range) => ({
          name,
          text: range.toString(),
          tree: range.startContainer.getRootNode() instanceof ShadowRoot ? 'shadow' : 'document',
          connected: range.startContainer.isConnected && range.endContainer.isConnected,
        })),
      ),
  );

/** No badge over a line of text, in the document or in open shadow roots.
 * @param {import('playwright-core').Page} tab */
const badgesOverText = (tab) =>
  tab.evaluate(() => {
    const overlay = document.querySelector('[data-quotelens-overlay]');
    const badges = [...(overlay?.shadowRoot?.querySelectorAll('.badge:not([hidden])') ?? [])].map((badge) => badge.getBoundingClientRect());
    /** The page's elements, those in open shadow roots too (QuoteLens's own left out).
     * @param {Document | ShadowRoot} root @returns {Element[]} */
    const textElements = (root) =>
      [...root.querySelectorAll('*')]
        .filter((element) => !element.closest('[data-quotelens-overlay]'))
        .flatMap((element) => [element, ...(element.shadowRoot ? textElements(element.shadowRoot) : [])]);
    const lines = textElements(document)
      .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()))
      .flatMap((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return [...range.getClientRects()];
      });
    return badges.filter((b) => lines.some((l) => b.left < l.right && l.left < b.right && b.top < l.bottom && l.top < b.bottom)).length;
  });

test('shadow DOM and iframes: open shadow roots are read where they render, closed ones and iframes are left alone', async () => {
  const { page: tab, errors } = await openPage(browser.context, `${server.origin}/components.html`);
  const analysis = await waitForAnalysis(browser.context, tab);
  assert.ok(analysis);
  // Read: the component's shadow root (its own paragraphs and the slotted ones).
  const texts = analysis.quotes.map((quote) => quote.text);
  assert.ok(texts.includes('The new quay will be ready by spring,'), texts.join(' | '));
  assert.ok(texts.includes('We have not seen the costs,'), texts.join(' | '));
  // Not read: the closed shadow root, the iframe.
  assert.equal(texts.some((text) => text.includes('Subscribe')), false, 'a closed shadow root is the page\'s own');
  assert.equal(texts.some((text) => text.includes('Freight')), false, 'an iframe is not the article');

  await tab.waitForFunction(() => (document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? []).length === 2);
  assert.deepEqual((await badgesOf(tab)).map((badge) => badge.label), ['Okoye', 'Reyes']);
  const marks = await marksOf(tab);
  assert.deepEqual(
    marks.map(({ text, tree }) => ({ text, tree })).sort((a, b) => a.text.localeCompare(b.text)),
    [
      { text: 'The new quay will be ready by spring,', tree: 'shadow' },
      { text: 'We have not seen the costs,', tree: 'document' },
    ],
  );
  assert.equal(await badgesOverText(tab), 0, 'no badge covers text');

  // The iframe ran its own script and QuoteLens never touched its document.
  const frame = tab.frames().find((candidate) => candidate.url().endsWith('/embed.html'));
  assert.ok(frame);
  assert.deepEqual(
    await frame.evaluate(() => ({
      script: document.body.dataset.embedScript,
      mutated: document.body.dataset.mutated ?? 'no',
      quotelens: document.documentElement.outerHTML.includes('quotelens') || [...CSS.highlights.keys()].length > 0,
    })),
    { script: 'ran', mutated: 'no', quotelens: false },
  );

  // The component still works, and a paragraph it adds inside its shadow root is read.
  await tab.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('news-article')?.shadowRoot?.getElementById('counter')).click());
  assert.equal(await tab.evaluate(() => document.querySelector('news-article')?.shadowRoot?.getElementById('counter')?.textContent), '1');
  await tab.evaluate(() =>
    /** @type {any} */ (document.querySelector('news-article')).addParagraph('Resident Lina Park agreed. \u201cThe quay is long overdue,\u201d Park said.'),
  );
  await tab.waitForFunction(() => (document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? []).length === 3, null, {
    timeout: 10000,
  });
  assert.deepEqual((await badgesOf(tab)).map((badge) => badge.label), ['Okoye', 'Reyes', 'Park'], 'in reading order: the slot comes first');
  assert.deepEqual(errors, []);
  await tab.close();
});

test('an article rewritten while it is read: no error, no stale or doubled badge, marks on the final text', async () => {
  const { page: tab, errors } = await openPage(browser.context, `${server.origin}/rewrite.html`);
  // Which stories the background was given to analyse while the page kept changing.
  /** @type {Set<string>} */
  const analysed = new Set();
  while (!(await tab.evaluate(() => document.body.dataset.rewrites === '30'))) {
    const quotes = await browser.worker().evaluate(async (url) => {
      /** @type {Record<string, {url: string, analysis: Analysis | null}>} */
      const stored = await chrome.storage.session.get(null);
      return Object.values(stored).find((value) => value.url === url)?.analysis?.quotes.map((quote) => quote.text) ?? [];
    }, tab.url());
    for (const quote of quotes) analysed.add(quote);
    await tab.waitForTimeout(50);
  }
  assert.ok(
    analysed.has('We will not raise taxes this year,') || analysed.has('The budget does not add up,'),
    `the article was read while it was being rewritten: ${[...analysed].join(' | ')}`,
  );
  const finalQuotes = ['The new quay will be ready by spring,', 'We have not seen the costs,'];
  // Settled: the badges name the final story's speakers, and stay so.
  await tab.waitForFunction(
    () => [...(document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent).join() === 'Okoye,Reyes',
    null,
    { timeout: 10000 },
  );
  await tab.waitForTimeout(1500);
  const badges = await badgesOf(tab);
  assert.deepEqual(badges.map((badge) => badge.label), ['Okoye', 'Reyes'], 'only the final story\'s speakers, once each');
  assert.equal(new Set(badges.map((badge) => badge.quoteId)).size, 2);
  assert.equal(await tab.locator('[data-quotelens-overlay]').count(), 1, 'one overlay');
  assert.equal(await tab.evaluate(() => document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge[hidden]').length), 0, 'no badge left for text that is gone');
  const marks = await marksOf(tab);
  assert.deepEqual(marks.map((mark) => mark.text).sort(), [...finalQuotes].sort());
  assert.ok(marks.every((mark) => mark.connected), 'every mark is on the page as it is now');
  // What the background keeps for the tab (the panel's source) is the final story, all of
  // it placed on the page.
  const entry = await browser.worker().evaluate(async (url) => {
    /** @type {Record<string, {url: string, analysis: Analysis | null, unanchored: number[]}>} */
    const stored = await chrome.storage.session.get(null);
    return Object.values(stored).find((value) => value.url === url) ?? null;
  }, tab.url());
  assert.deepEqual(entry?.analysis?.quotes.map((quote) => quote.text).sort(), [...finalQuotes].sort());
  assert.deepEqual(entry?.unanchored, []);
  assert.equal(await badgesOverText(tab), 0);
  assert.deepEqual(errors, []);
  await tab.close();
});

/**
 * Each badge with the side of the paragraph it sits beside (the paragraph on the badge's
 * line) and that paragraph's direction.
 * @param {import('playwright-core').Page} tab
 */
const badgeSides = (tab) =>
  tab.evaluate(() => {
    const overlay = document.querySelector('[data-quotelens-overlay]');
    return [...(overlay?.shadowRoot?.querySelectorAll('.badge') ?? [])].map((badge) => {
      const box = badge.getBoundingClientRect();
      const middle = (box.top + box.bottom) / 2;
      const paragraph = [...document.querySelectorAll('p')].find((p) => {
        const rect = p.getBoundingClientRect();
        return rect.top <= middle && middle <= rect.bottom;
      });
      const rect = paragraph?.getBoundingClientRect();
      return {
        label: badge.textContent,
        direction: paragraph ? getComputedStyle(paragraph).direction : null,
        side: !rect ? null : box.left >= rect.right ? 'right' : box.right <= rect.left ? 'left' : 'inside',
      };
    });
  });

/** The quotes the background found on a page, and those it could not place.
 * @param {import('playwright-core').Page} tab */
const tabEntry = (tab) =>
  browser.worker().evaluate(async (url) => {
    /** @type {Record<string, {url: string, analysis: Analysis | null, unanchored: number[]}>} */
    const stored = await chrome.storage.session.get(null);
    const entry = Object.values(stored).find((value) => value.url === url);
    return { quotes: entry?.analysis?.quotes.map((quote) => quote.text) ?? [], unanchored: entry?.unanchored ?? null };
  }, tab.url());

test('mixed-direction text: Arabic and Hebrew quoted in an English story are marked exactly and badged beside the line', async () => {
  const { page: tab, errors } = await openPage(browser.context, `${server.origin}/mixed.html`, { analysed: true });
  const { quotes, unanchored } = await tabEntry(tab);
  assert.ok(quotes.includes('سنعيد بناء المدينة قبل الشتاء,'), quotes.join(' | '));
  assert.ok(quotes.includes('אנחנו נבנה מחדש,'), quotes.join(' | '));
  assert.deepEqual(unanchored, [], 'every quote placed');
  assert.deepEqual((await marksOf(tab)).map((mark) => mark.text).sort(), [...quotes].sort(), 'each mark covers exactly its quote');
  assert.deepEqual((await badgesOf(tab)).map((badge) => badge.label), ['Hassan', 'Levi', 'Haddad']);
  assert.deepEqual(
    (await badgeSides(tab)).map(({ direction, side }) => ({ direction, side })),
    [0, 1, 2].map(() => ({ direction: 'ltr', side: 'left' })),
  );
  assert.equal(await badgesOverText(tab), 0);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('right-to-left page: marks on the quoted words, badges in the margin where each line starts, none over text', async () => {
  const { page: tab, errors } = await openPage(browser.context, `${server.origin}/rtl.html`, { analysed: true });
  const { quotes, unanchored } = await tabEntry(tab);
  assert.ok(quotes.includes('سنعيد بناء المدينة قبل الشتاء'), quotes.join(' | '));
  assert.ok(quotes.includes('The plan is sound,'), quotes.join(' | '));
  assert.deepEqual(unanchored, []);
  assert.deepEqual((await marksOf(tab)).map((mark) => mark.text).sort(), [...quotes].sort());
  const sides = await badgeSides(tab);
  assert.equal(sides.length, quotes.length);
  for (const { label, direction, side } of sides) {
    assert.equal(side, direction === 'rtl' ? 'right' : 'left', `${label} (${direction})`);
  }
  assert.ok(sides.some(({ direction }) => direction === 'rtl') && sides.some(({ direction }) => direction === 'ltr'));
  assert.equal(await badgesOverText(tab), 0);
  // Narrow window: no margin for a name, still nothing over the text.
  await tab.setViewportSize({ width: 560, height: 800 });
  await tab.waitForTimeout(300);
  assert.equal(await badgesOverText(tab), 0, 'narrow window');
  assert.deepEqual(errors, []);
  await tab.close();
});
