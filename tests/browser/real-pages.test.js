// The extension on the 17 real news pages of ../shared/data/pages, each served from
// 127.0.0.1 with a strict CSP. Every request that would leave 127.0.0.1 is aborted, so
// nothing leaves the machine (the pages' ads, fonts and trackers simply fail to load).
// On every page: no page error, and badges wherever the engine finds quotations in the
// page's HTML. On the 5 gold pages: how often a badge names the gold speaker of its quote,
// next to the rate the engine itself reaches on the same HTML.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { analyze_html as analyzeHtml, initSync } from '../../extension/pkg/quotelens.js';
import { ROOT, launchChromium, startServer, waitForAnalysis } from './support.js';
import { speakerAgrees, matchQuotes } from './gold.js';

const SHARED = join(ROOT, '..', 'shared');
const PAGES_DIR = join(SHARED, 'data', 'pages');
const GOLD_DIR = join(SHARED, 'gold', 'pages');
// Scripts only from the page's own origin (so no inline script, no Wasm in the page);
// images, styles and fonts stay allowed, so the pages do ask for remote files, which the
// route below aborts.
const STRICT_CSP = "script-src 'self'; object-src 'none'";
/** Pages whose screenshots docs/ keeps: a wire story, a long feature, an opinion page. */
const SCREENSHOTS = ['bbc-1', 'guardian-1', 'wapo-1'];
const READER_CSS = `
  body { max-width: 40rem; margin: 0 auto; padding: 0 1rem; font: 18px/1.6 Georgia, "DejaVu Serif", serif; color: #1a1a1a; }
  img, svg, iframe, video, figure { max-width: 100%; height: auto; }
`;

const present = existsSync(PAGES_DIR);
const skip = present ? false : `${PAGES_DIR} is absent: the real-page tests need ../shared`;
const pageNames = present
  ? readdirSync(PAGES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(PAGES_DIR, entry.name, 'source.html')))
      .map((entry) => entry.name)
      .sort()
  : [];

/** @type {Awaited<ReturnType<typeof launchChromium>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {string[]} */
const foreignAborted = [];
/** @type {string[]} */
const answered = [];

before(async () => {
  if (!present) return;
  initSync({ module: readFileSync(join(ROOT, 'extension', 'pkg', 'quotelens_bg.wasm')) });
  server = await startServer((path) => {
    const match = /^\/([a-z0-9-]+)\/$/.exec(path);
    if (!match || !pageNames.includes(match[1])) return null;
    return {
      body: readFileSync(join(PAGES_DIR, match[1], 'source.html')),
      headers: { 'content-security-policy': STRICT_CSP },
    };
  });
  browser = await launchChromium({ withExtension: true });
  await browser.context.route(/^(https?|wss?):/, (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    foreignAborted.push(url);
    return route.abort('blockedbyclient');
  });
  browser.context.on('response', (response) => answered.push(response.url()));
  if (browser.context.serviceWorkers().length === 0) await browser.context.waitForEvent('serviceworker');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * @typedef {{name: string, errors: string[], badges: {quoteId: number, label: string}[],
 *   analysis: Analysis | null, engineSpeech: number}} PageRun
 * @type {Map<string, PageRun>}
 */
const runs = new Map();

/** @param {string} name */
async function runPage(name) {
  const page = await browser.context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/QuoteLens/i.test(message.text())) errors.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.goto(`${server.origin}/${name}/`, { waitUntil: 'load' });
  const analysis = await waitForAnalysis(browser.context, page);
  const badges = await page.evaluate(() => {
    const root = document.querySelector('[data-quotelens-overlay]')?.shadowRoot;
    return [...(root?.querySelectorAll('.badge') ?? [])].map((badge) => ({
      quoteId: Number(/** @type {HTMLElement} */ (badge).dataset.quoteId),
      label: badge.textContent ?? '',
    }));
  });
  /** @type {Analysis} */
  const engine = analyzeHtml(readFileSync(join(PAGES_DIR, name, 'source.html'), 'utf8'));
  const run = { name, errors, badges, analysis, engineSpeech: engine.quotes.filter((q) => q.kind !== 'scare').length };
  runs.set(name, run);
  return { page, run };
}

for (const name of pageNames.length ? pageNames : ['(no pages)']) {
  test(`real page ${name}: no page error, badges where the engine finds quotations`, { skip }, async () => {
    const { page, run } = await runPage(name);
    try {
      assert.deepEqual(run.errors, []);
      assert.ok(run.analysis, 'the background analysed the page');
      const speech = run.analysis.quotes.filter((quote) => quote.kind !== 'scare').length;
      console.log(
        `# ${name}: ${run.badges.length} badges for ${speech} quotes found on the live page ` +
          `(engine on the HTML: ${run.engineSpeech})`,
      );
      if (run.engineSpeech > 0) {
        assert.ok(run.badges.length > 0, `${name}: the engine finds ${run.engineSpeech} quotations, no badge shown`);
        // The live page is read as the CLI reads its HTML: the same quotations, give or take
        // what the page's CSS hides and what could not be anchored.
        assert.ok(run.badges.length >= 0.8 * run.engineSpeech, `${name}: ${run.badges.length} badges, engine ${run.engineSpeech}`);
      }
      const ids = run.badges.map((badge) => badge.quoteId);
      assert.equal(new Set(ids).size, ids.length, 'one badge per quote');
      if (SCREENSHOTS.includes(name)) {
        // The pages' own stylesheets are remote, hence blocked: a plain centred column
        // stands in for them, as most news sites lay out an article.
        await page.addStyleTag({ content: READER_CSS });
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.waitForFunction(() => document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelector('.badge:not([hidden])'));
        // Scroll to the stretch of the article with the most quotes, as a reader would.
        await page.evaluate(() => {
          const root = /** @type {ShadowRoot} */ (document.querySelector('[data-quotelens-overlay]')?.shadowRoot);
          const tops = [...root.querySelectorAll('.badge:not([hidden])')]
            .map((badge) => badge.getBoundingClientRect().top + window.scrollY)
            .sort((a, b) => a - b);
          let best = tops[0];
          let most = 0;
          for (const top of tops) {
            const count = tops.filter((other) => other >= top && other < top + 700).length;
            if (count > most) [best, most] = [top, count];
          }
          window.scrollTo({ top: Math.max(0, best - 120), behavior: 'instant' });
        });
        await page.waitForTimeout(200);
        await mkdir(join(ROOT, 'docs'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'docs', `screenshot-${name}.png`) });
      }
    } finally {
      await page.close();
    }
  });
}

test('gold pages: badge speakers agree with the gold speakers as often as the engine', { skip }, () => {
  const goldFiles = existsSync(GOLD_DIR) ? readdirSync(GOLD_DIR).filter((file) => file.endsWith('.gold.json')) : [];
  assert.ok(goldFiles.length > 0, `no gold pages in ${GOLD_DIR}`);
  let badgeMatched = 0;
  let badgeAgree = 0;
  let engineMatched = 0;
  let engineAgree = 0;
  for (const file of goldFiles) {
    const name = file.replace(/\.gold\.json$/, '');
    const run = runs.get(name);
    assert.ok(run?.analysis, `${name} was not run`);
    /** @type {{quotes: {text: string, kind: string, speaker: string, speaker_aliases?: string[]}[]}} */
    const gold = JSON.parse(readFileSync(join(GOLD_DIR, file), 'utf8'));
    const goldQuotes = gold.quotes.filter((quote) => quote.kind === 'direct' || quote.kind === 'partial');
    const analysis = run.analysis;
    const badged = run.badges.map(({ quoteId, label }) => {
      const quote = analysis.quotes.find((q) => q.id === quoteId);
      assert.ok(quote, `badge for unknown quote ${quoteId}`);
      const speaker = quote.speaker_id === null ? null : analysis.speakers[quote.speaker_id];
      if (speaker) assert.equal(label, speaker.short_name || speaker.name, 'the badge names the quote\'s speaker');
      return { text: quote.text, speaker: speaker?.name ?? null, kind: quote.kind };
    });
    const pairs = matchQuotes(badged.filter((q) => q.kind !== 'indirect'), goldQuotes);
    const agree = pairs.filter(([p, g]) => speakerAgrees(p.speaker, g.speaker, g.speaker_aliases)).length;
    /** @type {Analysis} */
    const engine = analyzeHtml(readFileSync(join(PAGES_DIR, name, 'source.html'), 'utf8'));
    const engineQuotes = engine.quotes
      .filter((q) => q.kind === 'direct' || q.kind === 'partial')
      .map((q) => ({ text: q.text, speaker: q.speaker }));
    const enginePairs = matchQuotes(engineQuotes, goldQuotes);
    const engineOk = enginePairs.filter(([p, g]) => speakerAgrees(p.speaker, g.speaker, g.speaker_aliases)).length;
    console.log(
      `# ${name}: badges agree with gold speakers on ${agree}/${pairs.length} matched quotes ` +
        `(${goldQuotes.length} gold); engine on the HTML ${engineOk}/${enginePairs.length}`,
    );
    badgeMatched += pairs.length;
    badgeAgree += agree;
    engineMatched += enginePairs.length;
    engineAgree += engineOk;
  }
  const badgeRate = badgeAgree / Math.max(1, badgeMatched);
  const engineRate = engineAgree / Math.max(1, engineMatched);
  console.log(
    `# gold pages: badge-speaker agreement ${badgeRate.toFixed(3)} (${badgeAgree}/${badgeMatched}); ` +
      `engine ${engineRate.toFixed(3)} (${engineAgree}/${engineMatched})`,
  );
  assert.ok(badgeMatched >= 0.9 * engineMatched, `badges cover ${badgeMatched} gold quotes, the engine ${engineMatched}`);
  assert.ok(badgeRate >= engineRate - 0.03, `badges ${badgeRate.toFixed(3)} vs engine ${engineRate.toFixed(3)}`);
});

test('real pages: nothing from outside 127.0.0.1 was loaded', { skip }, () => {
  // The pages ask for plenty (images, fonts, styles): proof that the route saw them.
  assert.ok(foreignAborted.length > 0, 'foreign requests were seen and aborted');
  console.log(`# ${foreignAborted.length} requests to other hosts aborted`);
  // Requests the page's CSP blocks never reach the route; none of them may be answered.
  assert.ok(answered.some((url) => url.startsWith(`${server.origin}/`)), 'responses are recorded');
  assert.deepEqual(
    answered.filter((url) => !url.startsWith(`${server.origin}/`) && !/^(chrome-extension|data|blob):/.test(url)),
    [],
  );
});
