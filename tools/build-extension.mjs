// Builds the extension users load and the tests run: copies extension/ (with the Wasm in
// extension/pkg) to dist/extension/ and, in that copy, removes the comments and the
// indentation from the content scripts, the code every page pays for (issue 6's budget:
// <= 30 KB). The sources keep their comments; only the shipped copy is compacted.
//
//   node tools/build-extension.mjs [SOURCE_DIR [OUT_DIR]]
//
// Not a minifier: names, strings and statements stay as written, one statement or block
// a line. The script is parsed with acorn and rewritten from its tokens, so strings,
// template literals and regular expressions are copied verbatim; only the gaps between
// tokens change (a comment or a run of whitespace becomes one newline, one space or
// nothing). The result is parsed again and must give the same syntax tree as the source,
// or the build fails.
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { parse } from 'acorn';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What the content script may weigh, in bytes (the sum of its files, content-scripts.js). */
export const CONTENT_SCRIPT_BUDGET = 30 * 1024;

/** @param {string} source @param {'script' | 'module'} sourceType */
const parseJs = (source, sourceType, /** @type {import('acorn').Token[]} */ tokens = []) =>
  parse(source, { ecmaVersion: 'latest', sourceType, onToken: tokens });

const WORD = /[\p{ID_Continue}$\\\u200c\u200d]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
// A line break after these tokens, or before those, never ends a statement (no automatic
// semicolon, no restricted production), so it can go.
const JOIN_AFTER = new Set([';', ',', '{', '(', '[']);
const JOIN_BEFORE = new Set(['}', ')', ']', ',', ';', '.', '?.']);

/** Would `left` and `right`, written together, read as other tokens? */
function needsSpace(/** @type {string} */ left, /** @type {string} */ right, /** @type {import('acorn').Token} */ leftToken) {
  const a = left.at(-1) ?? '';
  const b = right[0];
  if (WORD.test(a) && WORD.test(b)) return true; // `return x`, `typeof y`
  if ((a === '+' || a === '-') && b === a) return true; // `a - -b`, `a + ++b`
  if (a === '/' && b === '/') return true; // a division then a regular expression
  if (leftToken.type.label === 'num' && b === '.') return true; // `1 .toString()`
  if ((a === '<' && b === '!') || (a === '-' && b === '>')) return true; // HTML-like comments
  return false;
}

/** The script without comments and indentation. @param {string} source @param {'script' | 'module'} sourceType */
export function compact(source, sourceType = 'script') {
  /** @type {import('acorn').Token[]} */
  const tokens = [];
  parseJs(source, sourceType, tokens);
  let out = '';
  /** @type {import('acorn').Token | null} */
  let previous = null;
  for (const token of tokens) {
    const text = source.slice(token.start, token.end);
    if (previous) {
      const gap = source.slice(previous.end, token.start);
      const before = source.slice(previous.start, previous.end);
      const inTemplate = previous.type.label === 'template' || token.type.label === 'template';
      const joinable = !inTemplate && (JOIN_AFTER.has(before) || JOIN_BEFORE.has(text));
      if (LINE_BREAK.test(gap) && !joinable) out += '\n';
      else if (gap && needsSpace(out, text, previous)) out += ' ';
    }
    out += text;
    previous = token;
  }
  const result = `${out}\n`;
  if (syntaxTree(result, sourceType) !== syntaxTree(source, sourceType)) {
    throw new Error('compacting changed the program: its syntax tree differs from the source');
  }
  return result;
}

/** The syntax tree as JSON, without positions. @param {string} source @param {'script' | 'module'} sourceType */
function syntaxTree(source, sourceType) {
  return JSON.stringify(parseJs(source, sourceType), (key, value) => (key === 'start' || key === 'end' ? undefined : value));
}

/** The content script's files, in order: the list the background registers and injects
 * (extension/content-scripts.js). @param {string} dir @returns {Promise<string[]>} */
export async function contentScripts(dir) {
  const { CONTENT_SCRIPT } = await import(pathToFileURL(join(dir, 'content-scripts.js')).href);
  return [...CONTENT_SCRIPT.js];
}

/** @param {string} sourceDir @param {string} outDir */
export async function buildExtension(sourceDir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(sourceDir, outDir, { recursive: true });
  const sizes = (await contentScripts(outDir)).map((file) => {
    const path = join(outDir, file);
    const source = readFileSync(path, 'utf8');
    writeFileSync(path, compact(source, 'script'));
    return { file, source: Buffer.byteLength(source), built: statSync(path).size };
  });
  return sizes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sourceDir = resolve(process.argv[2] ?? join(ROOT, 'extension'));
  const outDir = resolve(process.argv[3] ?? join(ROOT, 'dist', 'extension'));
  const sizes = await buildExtension(sourceDir, outDir);
  const total = sizes.reduce((sum, size) => sum + size.built, 0);
  const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `content script: ${sizes.map((size) => `${size.file} ${kb(size.built)}`).join(' + ')} = ${kb(total)} ` +
      `(sources ${kb(sizes.reduce((sum, size) => sum + size.source, 0))}; budget ${kb(CONTENT_SCRIPT_BUDGET)})`,
  );
}
