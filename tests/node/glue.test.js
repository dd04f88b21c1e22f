// The generated wasm-bindgen glue (extension/pkg, built by ./build.sh build) under node:
// the contract the extension and the playground rely on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { analyze, initSync, version } from '../../extension/pkg/quotelens.js';

/** @typedef {{offsets: string, quotes: Quote[], speakers: Speaker[], claims: Claim[]}} Report */

initSync({ module: readFileSync(new URL('../../extension/pkg/quotelens_bg.wasm', import.meta.url)) });

// Emoji (two UTF-16 units, four UTF-8 bytes) and curly quotes (one unit, three bytes)
// before and inside the quotation: any offset computed in bytes or code points lands
// somewhere else.
const ARTICLE = [
  'Mayor Anna Lee 👋🏽 spoke on Monday at the town hall.',
  '“We will not raise taxes 😀 this year,” she said.',
].join('\n');

test('version() is the crate version', () => {
  const cargoToml = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const crateVersion = /^version\s*=\s*"([^"]+)"/m.exec(cargoToml)?.[1];
  assert.equal(version(), crateVersion);
});

test('analyze() reports UTF-16 offsets that slice the JavaScript string exactly', () => {
  const result = /** @type {Report} */ (analyze(ARTICLE));
  assert.equal(result.offsets, 'utf16');
  assert.ok(Array.isArray(result.speakers) && Array.isArray(result.claims));
  const quote = result.quotes.find((q) => q.text.includes('We will not raise taxes'));
  assert.ok(quote, `no quote found in ${JSON.stringify(result.quotes)}`);
  assert.equal(ARTICLE.slice(quote.start, quote.end), quote.text);
  assert.ok(quote.text.includes('😀'), 'the emoji inside the quotation is part of it');
  assert.ok(!quote.text.startsWith('“'), 'quotation marks are outside the span');
  for (const q of result.quotes) assert.equal(ARTICLE.slice(q.start, q.end), q.text);
  for (const speaker of result.speakers) {
    for (const mention of speaker.mentions) assert.equal(ARTICLE.slice(mention.start, mention.end), mention.text);
  }
});

test('analyze() attributes the quote to the mayor through "she said"', () => {
  const result = /** @type {Report} */ (analyze(ARTICLE));
  const quote = result.quotes.find((q) => q.text.includes('We will not raise taxes'));
  assert.ok(quote, 'the quote is found');
  assert.equal(quote.speaker, 'Anna Lee');
  const speaker = result.speakers[quote.speaker_id ?? -1];
  assert.equal(speaker.name, 'Anna Lee');
  assert.equal(speaker.kind, 'person');
  assert.ok(quote.cue && ARTICLE.slice(quote.cue.start, quote.cue.end) === quote.cue.text);
  assert.match(quote.cue.text, /said/);
});

test('analyze() throws an Error with a clear message on oversize input', () => {
  const tooLarge = 'a'.repeat(16 * 1024 * 1024 + 1);
  assert.throws(() => analyze(tooLarge), (error) => {
    assert.ok(error instanceof Error);
    assert.match(error.message, /larger than the \d+-byte limit/);
    return true;
  });
});

test('analyze() of text without quotations returns empty lists, not an error', () => {
  const result = analyze('The council met on Monday. The budget passed.');
  assert.deepEqual(result.quotes, []);
});
