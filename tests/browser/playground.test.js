// The www/ playground in headless Chromium, served from 127.0.0.1 as ./build.sh demo
// serves it: the sample article loads with badges, and pasted text is analysed in place.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { WWW_DIR, launchChromium, newsPage, startServer, staticFiles } from './support.js';

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

test('the writer\'s own quotations are listed under the writer, apart from the unattributed ones', async () => {
  const { page, errors } = await openPlayground();
  await page.locator('#source').fill(
    'The ferry docked late. “Are you scared?” I asked the captain on the pier.\nA sign on the wall read “Keep calm and carry on” in red letters.',
  );
  await page.locator('#analyze').click();
  await page.locator('#quotes .speaker-group').first().waitFor({ timeout: 10000 });
  const headings = await page.locator('#quotes .speaker-group h3').allInnerTexts();
  assert.ok(headings.some((heading) => /Writer\s+The writer/.test(heading)), `groups: ${headings}`);
  const writer = page.locator('#quotes .speaker-group', { has: page.locator('h3', { hasText: 'The writer' }) });
  assert.match(await writer.innerText(), /Are you scared\?[\s\S]*by the writer/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an opened HTML page goes through the engine\'s extractor; its scripts never run', async () => {
  const { page, errors } = await openPlayground();
  const html = (await newsPage()).replace('</body>', '<script>document.title = "script ran"</script></body>');
  await page.locator('#file').setInputFiles({ name: 'courier.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector('#article')?.textContent?.includes('Harbor Street bridge'));
  const article = await page.locator('#article').innerText();
  assert.doesNotMatch(article, /Bus routes change for the winter/, 'related links are not the article');
  const names = await page.locator('[data-quotelens-overlay] .badge').allInnerTexts();
  assert.ok(names.some((name) => /Okafor/.test(name)), `badges: ${names}`);
  assert.equal(await page.title(), 'QuoteLens playground');
  assert.deepEqual(errors, []);
  await page.close();
});

test('blocks read from a live DOM give the same article text as the engine reading the HTML', async () => {
  const { page } = await openPlayground();
  const tricky = [
    '<p>Line one<br>line two with&nbsp;a non-breaking space and <a href="/">a   link</a>.</p>',
    '<p>  Spaces\n\n  and <em>inline <strong>nesting</strong></em>, “quoted,” <span>she</span> said.</p>',
    '<p hidden>Hidden by attribute.</p><div style="display: none">Hidden by style.</div>',
    '<p aria-hidden="true">Hidden from assistive technology.</p><script>var notText = 1;</script>',
  ].join('\n');
  const html = (await newsPage()).replace('</article>', `${tricky}\n</article>`);
  const comparison = await page.evaluate(async ([source, enginePath]) => {
    const engine = await import(enginePath);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 600px';
    document.body.append(frame);
    const frameDocument = /** @type {Document} */ (frame.contentDocument);
    frameDocument.open();
    frameDocument.write(source);
    frameDocument.close();
    const blocks = QuoteLensArticleDom.collectBlocks(frameDocument.body, { checkRendering: true });
    const fromDom = engine.analyze_blocks(blocks.map(({ tag, text, hint, link_chars, ancestors }) => ({ tag, text, hint, link_chars, ancestors })));
    const fromHtml = engine.analyze_html(source);
    frame.remove();
    // The engine re-collapses any block text that breaks its whitespace rule, which would
    // shift every offset after it: each block must come back exactly as it was sent.
    const altered = /** @type {{index: number, start: number, end: number}[]} */ (fromDom.blocks)
      .filter((range) => fromDom.text.slice(range.start, range.end) !== blocks[range.index].text)
      .map((range) => blocks[range.index].text);
    return { domText: String(fromDom.text), htmlText: String(fromHtml.text), altered };
  }, [html, './pkg/quotelens.js']);
  assert.match(comparison.htmlText, /Line one\nline two with a non-breaking space and a link\./);
  assert.doesNotMatch(comparison.htmlText, /Hidden/);
  assert.equal(comparison.domText, comparison.htmlText);
  assert.deepEqual(comparison.altered, []);
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

test('the export buttons save the analysis through the engine', async () => {
  const { page, errors } = await openPlayground();
  await page.locator('[data-quotelens-overlay] .badge').first().waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#exports button[data-format="csv"]').click()]);
  assert.equal(file.suggestedFilename(), 'quotelens-quotes.csv');
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(await file.path(), 'utf8');
  assert.match(csv, /Okafor/);
  const [claims] = await Promise.all([page.waitForEvent('download'), page.locator('#exports button[data-format="claimreview"]').click()]);
  assert.ok(JSON.parse(await readFile(await claims.path(), 'utf8')), 'ClaimReview JSON-LD parses');
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

test('anchoring (article-dom.js) refuses the text nodes a re-render has removed, and takes the new ones', async () => {
  const { page, errors } = await openPlayground();
  const result = await page.evaluate(() => {
    const ArticleDom = /** @type {any} */ (globalThis).QuoteLensArticleDom;
    const host = document.createElement('section');
    const render = () => {
      const paragraph = document.createElement('p');
      paragraph.textContent = '\u201cWe will not raise taxes,\u201d Lee said.';
      host.replaceChildren(paragraph);
    };
    render();
    document.body.append(host);
    const blocks = ArticleDom.collectBlocks(host);
    const text = blocks[0].text;
    const analysis = {
      blocks: [{ index: 0, start: 0, end: text.length }],
      quotes: [{ id: 0, start: 1, end: text.indexOf('\u201d'), text: 'We will not raise taxes,' }],
    };
    const before = ArticleDom.anchorQuotes(analysis, blocks).anchored.map((/** @type {any} */ a) => a.range.toString());
    render(); // the same text in new nodes: the blocks read before point at removed ones
    const stale = ArticleDom.anchorQuotes(analysis, blocks);
    const fresh = ArticleDom.anchorQuotes(analysis, ArticleDom.collectBlocks(host)).anchored.map((/** @type {any} */ a) => a.range.toString());
    host.remove();
    return {
      before,
      stale: [stale.anchored.length, stale.unanchored.length],
      fresh,
    };
  });
  assert.deepEqual(result, { before: ['We will not raise taxes,'], stale: [0, 1], fresh: ['We will not raise taxes,'] });
  assert.deepEqual(errors, []);
  await page.close();
});
