// The extension's shared classic scripts, loaded in node: message validation (the
// background's guard against malformed or hostile messages), the settings and the site
// access they need, and the palette that content.css must repeat.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import '../../extension/messages.js';
import '../../extension/message-checks.js';
import '../../extension/article-dom.js';

const Messages = QuoteLensMessages;
const Checks = QuoteLensChecks;
const ArticleDom = QuoteLensArticleDom;

/** @param {unknown} text @param {object} [extra] */
const block = (text, extra = {}) => ({ tag: 'p', text, hint: 'p | div article-body | body', link_chars: 0, ancestors: [3, 2, 1], ...extra });
/** @param {unknown} blocks @param {object} [extra] */
const analyzeRequest = (blocks, extra = {}) => ({
  type: Messages.CONTENT_TO_BACKGROUND_ANALYZE,
  title: 'A page',
  url: 'https://news.example/story',
  blocks,
  ...extra,
});

test('an analysis request from the content script passes validation', () => {
  assert.ok(Checks.isAnalyzeRequest(analyzeRequest([block('“Hello,” she said.'), block('Lee', { tag: 'h1', link_chars: 3 })])));
  assert.ok(Checks.isAnalyzeRequest(analyzeRequest([])));
});

test('malformed analysis requests are refused', () => {
  const refused = [
    null,
    'CONTENT_TO_BACKGROUND_ANALYZE',
    [],
    analyzeRequest([block('x')], { type: 'SOMETHING_ELSE' }),
    analyzeRequest('not an array'),
    analyzeRequest([block(42)]),
    analyzeRequest([block('x', { tag: 'script type=module' })]),
    analyzeRequest([block('x', { tag: '<img>' })]),
    analyzeRequest([block('x', { link_chars: -1 })]),
    analyzeRequest([block('x', { link_chars: 1.5 })]),
    analyzeRequest([block('ab', { link_chars: 3 })]),
    analyzeRequest([block('x', { hint: 'h'.repeat(Messages.MAX_HINT_CHARS + 1) })]),
    analyzeRequest([block('x')], { title: 7 }),
    analyzeRequest([block('x')], { url: 'javascript:alert(1)' }),
    analyzeRequest([block('x')], { url: undefined }),
    analyzeRequest(Array.from({ length: Messages.MAX_BLOCKS + 1 }, () => block('x'))),
    analyzeRequest([block('x', { ancestors: 'p' })]),
    analyzeRequest([block('x', { ancestors: [1.5] })]),
    analyzeRequest([block('x', { ancestors: Array.from({ length: Checks.MAX_ANCESTORS + 1 }, (_, i) => i) })]),
    analyzeRequest([block('a'.repeat(Messages.MAX_MESSAGE_CHARS)), block('b')]),
  ];
  for (const message of refused) assert.equal(Checks.isAnalyzeRequest(message), false, JSON.stringify(message)?.slice(0, 120));
});

test('panel and content messages are checked by type and field', () => {
  assert.ok(Checks.isTabResultRequest({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, tabId: 3 }));
  assert.equal(Checks.isTabResultRequest({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, tabId: '3' }), false);
  assert.equal(Checks.isTabResultRequest({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, tabId: -1 }), false);
  assert.ok(Messages.isScrollToQuote({ type: Messages.PANEL_TO_CONTENT_SCROLL_TO_QUOTE, quoteId: 0 }));
  assert.equal(Messages.isScrollToQuote({ type: Messages.PANEL_TO_CONTENT_SCROLL_TO_QUOTE, quoteId: null }), false);
  assert.equal(Messages.isScrollToQuote({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, quoteId: 0 }), false);
  assert.ok(Checks.isTabResultChanged({ type: Messages.BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED, tabId: 0 }));
});

test('settings: "only when I ask" by default; each mode names the site access it needs', () => {
  assert.deepEqual(Checks.readSettings(undefined), { mode: 'click', sites: [] });
  assert.deepEqual(Checks.readSettings({ mode: 'everything', sites: 'bbc.co.uk' }), { mode: 'click', sites: [] });
  const sites = Checks.readSettings({ mode: 'sites', sites: ['https://www.bbc.co.uk/news', 'lemonde.fr', 'not a site', '127.0.0.1', 'lemonde.fr'] });
  assert.deepEqual(sites, { mode: 'sites', sites: ['bbc.co.uk', 'lemonde.fr', '127.0.0.1'] });
  assert.deepEqual(Checks.patternsOf(sites), [
    'http://*.bbc.co.uk/*', 'https://*.bbc.co.uk/*', 'http://*.lemonde.fr/*', 'https://*.lemonde.fr/*', 'http://127.0.0.1/*', 'https://127.0.0.1/*',
  ]);
  assert.deepEqual(Checks.patternsOf({ mode: 'click', sites: ['bbc.co.uk'] }), []);
  assert.deepEqual(Checks.patternsOf({ mode: 'every', sites: [] }), ['http://*/*', 'https://*/*']);
  // What "every page" asks for is what the manifest declares as optional, and nothing is
  // required: without a request, QuoteLens has no access to any site.
  const manifest = JSON.parse(readFileSync(new URL('../../extension/manifest.json', import.meta.url), 'utf8'));
  assert.deepEqual(manifest.optional_host_permissions, [...Checks.ALL_SITES]);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined);
});

test('every message type is named after its direction and is unique', () => {
  const types = Object.entries(Messages).filter(([key, value]) => typeof value === 'string' && key.includes('_TO_'));
  assert.ok(types.length >= 7);
  for (const [key, value] of types) {
    assert.equal(key, value);
    assert.match(key, /^(CONTENT|BACKGROUND|PANEL)_TO_(CONTENT|BACKGROUND|PANEL)_[A-Z_]+$/);
  }
});

test('content.css highlights use the palette of article-dom.js, slot for slot', () => {
  const css = readFileSync(new URL('../../extension/content.css', import.meta.url), 'utf8');
  const hex = (/** @type {string[]} */ [r, g, b]) => '#' + [r, g, b].map((n) => Number(n).toString(16).padStart(2, '0').toUpperCase()).join('');
  const rules = [...css.matchAll(/::highlight\(quotelens-(indirect-)?s(\d+)\)\s*\{[^}]*rgb\((\d+) (\d+) (\d+)/g)];
  assert.equal(rules.length, ArticleDom.SPEAKER_COLOURS.length * 2, 'one filled and one underlined rule per slot');
  for (const [, , slot, r, g, b] of rules) {
    assert.equal(hex([r, g, b]), ArticleDom.SPEAKER_COLOURS[Number(slot)].background, `slot ${slot}`);
  }
});

test('content.css: scare quotes get a faint mark (a thin dotted underline, no fill); underlines skip no ink', () => {
  const css = readFileSync(new URL('../../extension/content.css', import.meta.url), 'utf8');
  const scare = /::highlight\(quotelens-scare\)\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  assert.match(scare, /text-decoration:\s*underline dotted 1px/);
  assert.doesNotMatch(scare, /background/);
  for (const [, rule] of css.matchAll(/::highlight\([a-z0-9-]+\)\s*\{([^}]*underline[^}]*)\}/g)) {
    assert.match(rule, /text-decoration-skip-ink:\s*none/, rule);
  }
});

test('badge text colours keep at least 4.5:1 contrast on every palette colour', () => {
  const luminance = (/** @type {string} */ colour) => {
    const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);
    const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  for (const { background, ink } of [...ArticleDom.SPEAKER_COLOURS, ArticleDom.UNATTRIBUTED_COLOUR]) {
    const [light, dark] = [luminance(background), luminance(ink)].sort((a, b) => b - a);
    const contrast = (light + 0.05) / (dark + 0.05);
    assert.ok(contrast >= 4.5, `${ink} on ${background}: ${contrast.toFixed(2)}`);
  }
});

test('a badge names the speaker, the writer for their own words, or no one', () => {
  /** @param {{start: number, end: number, text: string} | null} speakerMention @returns {any} */
  const quote = (speakerMention) => ({ speaker_id: null, speaker_mention: speakerMention });
  /** @type {any} */
  const lee = { name: 'Anna Lee', short_name: 'Lee' };
  assert.equal(ArticleDom.badgeLabel(quote({ start: 0, end: 3, text: 'Lee' }), lee), 'Lee');
  assert.equal(ArticleDom.badgeLabel(quote({ start: 20, end: 21, text: 'I' }), undefined), 'Writer');
  assert.equal(ArticleDom.badgeLabel(quote(null), undefined), 'Unattributed');
});
