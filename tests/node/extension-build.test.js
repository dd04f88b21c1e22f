// The built extension (tools/build-extension.mjs, run by ./build.sh build): the content
// script every page loads holds its budget (issue 6: <= 30 KB raw), and dist/extension is
// what the tool makes of the current sources.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { CONTENT_SCRIPT_BUDGET, buildExtension, compact, contentScripts } from '../../tools/build-extension.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = join(ROOT, 'extension');
const DIST = join(ROOT, 'dist', 'extension');
const scratch = mkdtempSync(join(tmpdir(), 'quotelens-extension-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the content script, as built, is at most 30 KB', async () => {
  const sizes = await buildExtension(SOURCE, join(scratch, 'extension'));
  const total = sizes.reduce((sum, size) => sum + size.built, 0);
  console.log(`content script: ${sizes.map((size) => `${size.file} ${size.built}`).join(' + ')} = ${total} bytes (budget ${CONTENT_SCRIPT_BUDGET})`);
  assert.ok(total <= CONTENT_SCRIPT_BUDGET, `content script ${total} bytes, budget ${CONTENT_SCRIPT_BUDGET}`);
});

test('dist/extension is the build of the current sources', { skip: existsSync(DIST) ? false : 'not built (./build.sh build)' }, async () => {
  for (const file of await contentScripts(SOURCE)) {
    assert.equal(readFileSync(join(DIST, file), 'utf8'), compact(readFileSync(join(SOURCE, file), 'utf8')), `${file}: run ./build.sh build`);
  }
  for (const file of ['manifest.json', 'background.js', 'sidepanel.js', 'pkg/quotelens_bg.wasm']) {
    assert.deepEqual(readFileSync(join(DIST, file)), readFileSync(join(SOURCE, file)), `${file}: run ./build.sh build`);
  }
  assert.ok(statSync(join(DIST, 'pkg', 'quotelens.js')).size > 0);
});

test('compacting keeps strings, templates, regular expressions and line-sensitive statements', () => {
  const source = [
    '// drop me',
    'function f(a, b) {',
    '  /* gone */ const s = "  two  spaces // not a comment ";',
    '  const t = `  ${a +',
    '    b}  /* kept */ `;',
    '  const r = /\\/\\* not a comment \\*\\//g;',
    '  const n = 1 .toString() + a - -b + a + +b;',
    '  let c = a',
    '  ++b',
    '  return',
    '    s + t + r.source + n + c;',
    '}',
  ].join('\n');
  const out = compact(source);
  assert.ok(!out.includes('drop me') && !out.includes('gone'), out);
  for (const kept of ['"  two  spaces // not a comment "', '`  ${a+\nb}  /* kept */ `', '/\\/\\* not a comment \\*\\//g', '1 .toString()', '- -b', '+ +b', 'let c=a\n++b', 'return\ns']) {
    assert.ok(out.includes(kept), `${JSON.stringify(kept)} in ${JSON.stringify(out)}`);
  }
  // The same function: `return` on its own line still returns undefined.
  assert.equal(new Function(`${out}; return f(1, 2);`)(), undefined);
});
