// check_quote and check_archive through the generated glue: UTF-16 offsets that slice
// the JavaScript string, the misquote diff, the archive search.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { check_archive as checkArchive, check_quote as checkQuote, initSync } from '../../extension/pkg/quotelens.js';

initSync({ module: readFileSync(new URL('../../extension/pkg/quotelens_bg.wasm', import.meta.url)) });

// Emoji (two UTF-16 units) and curly marks before the quote: byte or code point offsets
// would land elsewhere.
const ARTICLE = [
  'Mayor Anna Lee 👋🏽 spoke on Monday at the town hall.',
  '“We will not raise taxes 😀 this year, and we will protect the library,” she said.',
  'Lee has promised not to raise taxes this year.',
].join('\n');

test('check_quote finds a misquote: speaker, supporting sentence, word diff, UTF-16 offsets', () => {
  const result = checkQuote(ARTICLE, '"We will not raise taxes ... and we will close the library"');
  assert.equal(result.offsets, 'utf16');
  assert.equal(result.verdict, 'near quote');
  const [best, ...others] = result.appearances;
  assert.equal(best.speaker, 'Anna Lee');
  assert.equal(ARTICLE.slice(best.start, best.end), best.text);
  assert.ok(best.text.startsWith('We will not raise taxes 😀'), best.text);
  assert.equal(ARTICLE.slice(best.attribution.start, best.attribution.end), best.attribution.text);
  assert.ok(best.attribution.text.endsWith('she said.'));
  const ops = best.diff.map((/** @type {{op: string, text: string}} */ run) => [run.op, run.text]);
  assert.deepEqual(ops, [
    ['equal', 'We will not raise taxes'],
    ['elided', 'this year'],
    ['equal', 'and we will'],
    ['deleted', 'protect'],
    ['inserted', 'close'],
    ['equal', 'the library'],
  ]);
  for (const run of best.diff) {
    if (run.op !== 'inserted') assert.equal(ARTICLE.slice(run.start, run.end), run.text);
  }
  // The writer's paraphrase, which the engine reads as her reported speech.
  const paraphrase = others.find((/** @type {{text: string}} */ a) => a.text === 'not to raise taxes');
  assert.ok(paraphrase, JSON.stringify(others));
  assert.equal(paraphrase.kind, 'reported');
  assert.equal(paraphrase.speaker, 'Anna Lee');
});

test('check_quote reports nothing found, and refuses nothing', () => {
  assert.equal(checkQuote(ARTICLE, 'completely different words').verdict, 'not found');
  assert.equal(checkQuote('', '').appearances.length, 0);
});

test('check_archive finds the saved quote with its differences', () => {
  const found = checkArchive('we will close the library', ['Something else', 'We will protect the library 😀']);
  assert.equal(found.length, 1);
  assert.equal(found[0].index, 1);
  assert.equal(found[0].level, 'near');
  assert.deepEqual(
    found[0].diff.map((/** @type {{op: string}} */ run) => run.op),
    ['equal', 'deleted', 'inserted', 'equal'],
  );
});
