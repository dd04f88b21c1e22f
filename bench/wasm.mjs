// Wasm speed benchmark under node: the same engine build the extension ships
// (extension/pkg, wasm-opt -Oz), called through the generated glue exactly as the
// extension's background calls it, so each timing includes the JSON report and its
// conversion to a JS object.
//
// usage: node bench/wasm.mjs [--quick] [--polnear FILE] [--pages DIR] [--synthetic DIR] [--json OUT]
// Timings are printed, never asserted.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { analyze, analyze_html as analyzeHtml, initSync } from '../extension/pkg/quotelens.js';

const args = process.argv.slice(2);
/** @param {string} name */
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');

const exports = initSync({ module: readFileSync(new URL('../extension/pkg/quotelens_bg.wasm', import.meta.url)) });
/** The Wasm linear memory only grows: its size at the end is the engine's peak heap. */
const wasmMemoryMb = () => exports.memory.buffer.byteLength / 1048576;

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const utf8 = new TextEncoder();

/** @type {Record<string, unknown>} */
const out = { quick };
console.log(`wasm under node ${process.version} (extension/pkg, one thread)`);

const polnearPath = flag('--polnear');
if (polnearPath && existsSync(polnearPath)) {
  let texts = readFileSync(polnearPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => /** @type {{text: string}} */ (JSON.parse(line)).text);
  if (quick) texts = texts.slice(0, 8);
  const reps = quick ? 1 : 30;
  for (const text of texts) analyze(text); // warm-up: lets the JIT tier up the glue
  /** @type {number[]} */
  const perArticle = [];
  // Each article's fastest pass, as in the native harness: the engine's own cost on a
  // machine where other processes preempt some calls.
  const best = texts.map(() => Infinity);
  const start = performance.now();
  for (let r = 0; r < reps; r += 1) {
    texts.forEach((text, i) => {
      const t0 = performance.now();
      analyze(text);
      const took = performance.now() - t0;
      perArticle.push(took);
      best[i] = Math.min(best[i], took);
    });
  }
  const bestTotal = best.reduce((sum, t) => sum + t, 0);
  const totalMs = performance.now() - start;
  const bytes = texts.reduce((sum, text) => sum + utf8.encode(text).length, 0);
  const chars = texts.reduce((sum, text) => sum + [...text].length, 0);
  const runs = texts.length * reps;
  const result = {
    articles: texts.length,
    reps,
    bytes,
    chars,
    articles_per_s: runs / (totalMs / 1e3),
    mb_per_s: (bytes * reps) / (totalMs / 1e3) / 1e6,
    ms_per_article: totalMs / runs,
    median_ms_per_article: median(perArticle),
    max_ms_per_article: Math.max(...perArticle),
    ms_per_5k_chars: (totalMs / (chars * reps)) * 5000,
    best_ms_per_article: bestTotal / texts.length,
    best_ms_per_5k_chars: (bestTotal / chars) * 5000,
    best_articles_per_s: texts.length / (bestTotal / 1e3),
    best_mb_per_s: bytes / (bestTotal / 1e3) / 1e6,
  };
  console.log(
    `  polnear_dev: ${texts.length} articles x ${reps} passes:\n    mean ${result.articles_per_s.toFixed(0)} articles/s, ` +
      `${result.mb_per_s.toFixed(2)} MB/s, ${result.ms_per_article.toFixed(3)} ms/article ` +
      `(median ${result.median_ms_per_article.toFixed(3)}, max ${result.max_ms_per_article.toFixed(3)}), ` +
      `${result.ms_per_5k_chars.toFixed(3)} ms per 5k chars\n` +
      `    best pass per article ${result.best_articles_per_s.toFixed(0)} articles/s, ${result.best_mb_per_s.toFixed(2)} MB/s, ` +
      `${result.best_ms_per_article.toFixed(3)} ms/article, ${result.best_ms_per_5k_chars.toFixed(3)} ms per 5k chars`,
  );
  out.polnear = result;
} else {
  console.log(`  polnear_dev: skipped (${polnearPath ?? 'no --polnear'} not found; the evaluation data is not in the repository)`);
}

const pagesDir = flag('--pages');
if (pagesDir && existsSync(pagesDir)) {
  const pages = readdirSync(pagesDir)
    .filter((name) => existsSync(join(pagesDir, name, 'source.html')))
    .map((name) => ({ name, html: readFileSync(join(pagesDir, name, 'source.html'), 'utf8') }));
  if (pages.length > 0) {
    const largest = pages.reduce((a, b) => (utf8.encode(b.html).length > utf8.encode(a.html).length ? b : a));
    const reps = quick ? 1 : 10;
    analyzeHtml(largest.html);
    /** @type {number[]} */
    const times = [];
    for (let r = 0; r < reps; r += 1) {
      const t0 = performance.now();
      analyzeHtml(largest.html);
      times.push(performance.now() - t0);
    }
    const ms = Math.min(...times); // the best run, as in the native harness
    console.log(`  largest page (${largest.name}, HTML -> article -> analysis): ${ms.toFixed(2)} ms (best of ${reps})`);
    out.largest_page = { name: largest.name, ms };
  }
}

const syntheticDir = flag('--synthetic');
if (syntheticDir && existsSync(syntheticDir)) {
  /** @type {Record<string, number>} */
  const repsFor = { '10KB': 3, '100KB': quick ? 2 : 20, '1MB': 7, '5MB': 3 };
  const files = readdirSync(syntheticDir)
    .filter((name) => /^synthetic-.+\.txt$/.test(name))
    .map((name) => ({ name, text: readFileSync(join(syntheticDir, name), 'utf8') }))
    .sort((a, b) => a.text.length - b.text.length);
  /** @type {{label: string, bytes: number, ms: number, ms_per_mb: number}[]} */
  const synthetic = [];
  for (const { name, text } of files) {
    const label = name.replace(/^synthetic-|\.txt$/g, '');
    const reps = repsFor[label] ?? 3;
    analyze(text);
    /** @type {number[]} */
    const times = [];
    for (let r = 0; r < reps; r += 1) {
      const t0 = performance.now();
      analyze(text);
      times.push(performance.now() - t0);
    }
    const bytes = utf8.encode(text).length;
    const ms = Math.min(...times); // the best run, as in the native harness
    const mb = bytes / 1e6;
    console.log(
      `  synthetic ${label.padStart(5)} (${bytes} bytes): ${ms.toFixed(2)} ms (best of ${reps}), ` +
        `${(mb / (ms / 1e3)).toFixed(2)} MB/s, ${(ms / mb).toFixed(1)} ms per MB`,
    );
    synthetic.push({ label, bytes, ms, ms_per_mb: ms / mb });
  }
  out.synthetic = synthetic;
  if (synthetic.length > 1) {
    const growth = synthetic[synthetic.length - 1].ms_per_mb / synthetic[0].ms_per_mb;
    console.log(`  linearity: ms per MB at ${synthetic[synthetic.length - 1].label} is ${growth.toFixed(2)}x that at ${synthetic[0].label} (1.0 = linear)`);
    out.linearity = growth;
  }
}

out.wasm_memory_mb = wasmMemoryMb();
// maxRSS is in KiB; it includes node itself (~40 MB) and the JS strings and result objects.
out.node_max_rss_mb = process.resourceUsage().maxRSS / 1024;
console.log(
  `  peak memory: Wasm linear memory ${out.wasm_memory_mb.toFixed(1)} MB; node process max RSS ${out.node_max_rss_mb.toFixed(1)} MB`,
);
const jsonOut = flag('--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(out, null, 2));
