// How the marks look on the page, on fixtures served from 127.0.0.1 with a strict CSP:
// where a mark starts (in the DOM and on screen), and the marks without badges.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import '../../extension/article-dom.js';
import { badgesOf, escapeHtml, launchExtension, openPage, startServer, tabIdOf, waitForAnalysis } from './support.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const PAGE_CSS = `body { margin: 0; font: 18px/1.6 Georgia, "DejaVu Serif", serif; color: #1a1a1a; background: #fff; }
main { max-width: 40rem; margin: 24px auto; padding: 0 16px; }
.off-screen { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.player { height: 120px; background: #ddd; }`;

/** @param {string} title @param {string} body */
const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/page.css"></head>
<body><main><article><h1>${escapeHtml(title)}</h1>
${body}
</article></main></body></html>`;

// BBC's media caption (bbc-1): a visually hidden "Media caption" label, a space, then the
// caption, whose reported speech starts with a letter that descends below the baseline.
const CAPTION = page(
  'Obama: US gun laws are his biggest frustration',
  `<figure><div class="player"></div>
<figcaption class="media-caption"><span class="off-screen">Media caption</span> <span class="media-caption__text">Mr Obama told the BBC that gun control was his biggest frustration</span></figcaption></figure>
<p>President Barack Obama has admitted that his failure to pass gun safety laws is the greatest frustration of his presidency.</p>`,
);

// Two scare quotes (a word held at arm's length, a name) and one quotation.
const SCARE = page(
  'Council passes parking plan',
  `<p>${escapeHtml('The so-called “reform” of the parking rules passed on Monday.')}</p>
<p>${escapeHtml('Mayor Anna Lee was pleased. “We will not raise taxes this year,” she said.')}</p>
<p>${escapeHtml('The plan, known as “Park Smart”, starts in May.')}</p>`,
);

/** @type {Awaited<ReturnType<typeof launchExtension>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

before(async () => {
  server = await startServer((path) => {
    const headers = { 'content-security-policy': STRICT_CSP };
    if (path === '/page.css') return { body: PAGE_CSS, type: 'text/css', headers };
    if (path === '/caption.html') return { body: CAPTION, headers };
    if (path === '/scare.html') return { body: SCARE, headers };
    return null;
  });
  browser = await launchExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Which columns of a screen area hold a colour: the screenshot decoded in a blank page of
 * its own (the strict-CSP page may not load a data: image).
 * @param {Buffer} png @param {string} hex '#RRGGBB'
 * @returns {Promise<boolean[]>}
 */
async function columnsWithColour(png, hex) {
  const decoder = await browser.context.newPage();
  try {
    return await decoder.evaluate(
      async ([data, colour]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
        return Array.from({ length: image.width }, (_, x) => {
          for (let y = 0; y < image.height; y++) {
            const k = (y * image.width + x) * 4;
            if (Math.abs(pixels[k] - r) + Math.abs(pixels[k + 1] - g) + Math.abs(pixels[k + 2] - b) < 60) return true;
          }
          return false;
        });
      },
      [png.toString('base64'), hex],
    );
  } finally {
    await decoder.close();
  }
}

test('bbc-1 caption: the mark of reported speech starts on its first letter, in the DOM and on screen', async () => {
  const { page: tab, errors } = await openPage(browser.context, `${server.origin}/caption.html`, { analysed: true });
  const analysis = await waitForAnalysis(browser.context, tab);
  const quote = analysis?.quotes.find((q) => q.text === 'gun control was his biggest frustration');
  assert.ok(quote, JSON.stringify(analysis?.quotes.map((q) => q.text)));
  assert.equal(quote.kind, 'indirect');
  const name = QuoteLensArticleDom.highlightName(quote);
  // The node map: the marked range starts at the "g" of the caption's own text node.
  const mark = await tab.evaluate((highlight) => {
    const ranges = [.../** @type {Set<Range>} */ (/** @type {unknown} */ (CSS.highlights.get(highlight) ?? new Set()))];
    const range = ranges.find((r) => r.toString().startsWith('gun control'));
    if (!range) return null;
    const node = /** @type {Text} */ (range.startContainer);
    const first = document.createRange();
    first.setStart(node, range.startOffset);
    first.setEnd(node, range.startOffset + 1);
    const box = first.getBoundingClientRect();
    return { text: range.toString(), nodeText: node.data, offset: range.startOffset, box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom } };
  }, name);
  assert.ok(mark, `no ${name} highlight over the caption`);
  assert.equal(mark.text, quote.text);
  assert.equal(mark.nodeText, 'Mr Obama told the BBC that gun control was his biggest frustration');
  assert.equal(mark.offset, mark.nodeText.indexOf('gun control'));

  // On screen: the underline runs under that first letter too. (Drawn with the browser's
  // default skip-ink it broke off around the descender of the "g", so the mark appeared
  // to start at the "u".)
  const { left, right, top, bottom } = mark.box;
  const png = await tab.screenshot({ clip: { x: left, y: top, width: right - left, height: bottom - top + 8 } });
  const speakerId = /** @type {number} */ (quote.speaker_id);
  const colour = QuoteLensArticleDom.speakerColour(speakerId).background;
  const columns = (await columnsWithColour(png, colour)).slice(1, -1);
  const underlined = columns.filter(Boolean).length / columns.length;
  assert.ok(underlined >= 0.8, `the underline covers ${Math.round(underlined * 100)}% of the first letter's width`);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('scare quotes get a faint mark and no badge; the panel counts them apart, not as unattributed quotes', async () => {
  const { page: tab, errors } = await openPage(browser.context, `${server.origin}/scare.html`, { analysed: true });
  const analysis = await waitForAnalysis(browser.context, tab);
  const scare = analysis?.quotes.filter((quote) => quote.kind === 'scare') ?? [];
  assert.deepEqual(scare.map((quote) => quote.text), ['reform', 'Park Smart']);
  assert.deepEqual(await badgesOf(tab), [{ label: 'Lee', quoteId: analysis?.quotes.find((q) => q.kind === 'direct')?.id }], 'one badge: the quotation');
  const marks = await tab.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights.entries()].map(([name, highlight]) => [name, [.../** @type {Set<Range>} */ (/** @type {unknown} */ (highlight))].map((r) => r.toString())]),
    ),
  );
  assert.deepEqual(marks['quotelens-scare'], ['reform', 'Park Smart'], 'both marked');
  assert.equal(Object.keys(marks).some((name) => name.includes('unattributed')), false, 'not marked as unattributed speech');

  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.id}/sidepanel.html?tab=${await tabIdOf(browser.context, tab.url())}`);
  await panel.locator('.speaker-group').first().waitFor();
  assert.deepEqual(await panel.locator('#quotes .quote-button').allInnerTexts().then((texts) => texts.map((text) => text.split('\n')[0])), [
    '“We will not raise taxes this year,”',
  ]);
  assert.equal(
    await panel.locator('.speaker-group', { hasText: 'Speaker not found' }).locator('.quote-button').count(),
    0,
    'no unattributed quotes (the article\'s own claims may be listed there)',
  );
  assert.equal(await panel.locator('#speaker-filter option[value="none"]').count(), 0, 'no "Unattributed" speaker to filter by');
  const section = panel.locator('#scare-section');
  assert.equal(await section.isVisible(), true);
  assert.equal(await section.getAttribute('open'), null, 'closed until opened');
  assert.equal(await panel.locator('#scare-summary').innerText(), 'Scare quotes and titles (2)');
  await panel.locator('#scare-summary').click();
  assert.deepEqual(await panel.locator('#scare .quote-button').allInnerTexts(), ['“reform”', '“Park Smart”']);
  await panel.locator('#scare .quote-button', { hasText: 'Park Smart' }).click();
  await tab.waitForFunction(() => [...(/** @type {Set<Range>} */ (/** @type {unknown} */ (CSS.highlights.get('quotelens-flash') ?? new Set())))].some((r) => r.toString() === 'Park Smart'), null, { timeout: 5000 });
  // The search narrows them as it narrows the quotes.
  await panel.locator('#search').fill('smart');
  assert.equal(await panel.locator('#scare-summary').innerText(), 'Scare quotes and titles (1)');
  assert.deepEqual(errors, []);
  await panel.close();
  await tab.close();
});
