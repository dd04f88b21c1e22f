// The extension's shared classic scripts, loaded in node: message validation (the
// background's guard against malformed or hostile messages) and the palette that
// content.css must repeat.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import '../../extension/messages.js';
import '../../extension/article-dom.js';

const Messages = QuoteLensMessages;
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
  assert.ok(Messages.isAnalyzeRequest(analyzeRequest([block('“Hello,” she said.'), block('Lee', { tag: 'h1', link_chars: 3 })])));
  assert.ok(Messages.isAnalyzeRequest(analyzeRequest([])));
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
    analyzeRequest([block('x', { ancestors: Array.from({ length: Messages.MAX_ANCESTORS + 1 }, (_, i) => i) })]),
    analyzeRequest([block('a'.repeat(Messages.MAX_MESSAGE_CHARS)), block('b')]),
  ];
  for (const message of refused) assert.equal(Messages.isAnalyzeRequest(message), false, JSON.stringify(message)?.slice(0, 120));
});

test('panel and content messages are checked by type and field', () => {
  assert.ok(Messages.isTabResultRequest({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, tabId: 3 }));
  assert.equal(Messages.isTabResultRequest({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, tabId: '3' }), false);
  assert.equal(Messages.isTabResultRequest({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, tabId: -1 }), false);
  assert.ok(Messages.isScrollToQuote({ type: Messages.PANEL_TO_CONTENT_SCROLL_TO_QUOTE, quoteId: 0 }));
  assert.equal(Messages.isScrollToQuote({ type: Messages.PANEL_TO_CONTENT_SCROLL_TO_QUOTE, quoteId: null }), false);
  assert.equal(Messages.isScrollToQuote({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, quoteId: 0 }), false);
  assert.ok(Messages.isTabResultChanged({ type: Messages.BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED, tabId: 0 }));
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
