// Shared by the browser tests: a local HTTP server on 127.0.0.1 and Debian's Chromium,
// driven by playwright-core (which never downloads a browser of its own).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The built extension (./build.sh build): extension/ with its content scripts compacted.
export const EXTENSION_DIR = join(ROOT, 'dist', 'extension');
export const WWW_DIR = join(ROOT, 'www');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * @typedef {{status?: number, type?: string, body: string | Buffer, headers?: Record<string, string>}} Reply
 * @param {(path: string) => Promise<Reply | null> | Reply | null} route
 */
export async function startServer(route) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    try {
      const reply = await route(path);
      if (!reply) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response
        .writeHead(reply.status ?? 200, { 'content-type': reply.type ?? 'text/html; charset=utf-8', ...reply.headers })
        .end(reply.body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/** Files under a directory, never outside it. @param {string} directory */
export function staticFiles(directory) {
  return async (/** @type {string} */ path) => {
    const relative = normalize(decodeURIComponent(path === '/' ? '/index.html' : path));
    const file = join(directory, relative);
    if (!file.startsWith(directory + sep)) return null;
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(file))] ?? 'application/octet-stream';
      return { body, type };
    } catch {
      return null;
    }
  };
}

/** Chromium derives an unpacked extension's id from the manifest `key`: the first 32 hex
 * digits of the SHA-256 of the public key, written with the letters a to p. */
export async function extensionId() {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const digest = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** @param {{withExtension?: boolean, userDataDir?: string}} [options] a userDataDir given
 * is kept on close (a restart test reopens it); otherwise a temporary one is removed */
export async function launchChromium({ withExtension = false, userDataDir: keptDir } = {}) {
  const userDataDir = keptDir ?? (await mkdtemp(join(tmpdir(), 'quotelens-chromium-')));
  const args = [...CHROMIUM_ARGS];
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`${EXTENSION_DIR} is missing: run ./build.sh build`);
  if (withExtension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close();
      if (!keptDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** @param {string} text */
export const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A news page around the playground's sample article: masthead, navigation, byline,
 * related links and a footer, as the extension meets articles in the wild. */
export async function newsPage() {
  const [headline, ...paragraphs] = (await readFile(join(WWW_DIR, 'sample-article.txt'), 'utf8')).trim().split('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)} | The Millbrook Courier</title>
<link rel="stylesheet" href="/page.css"></head>
<body>
<header class="masthead"><strong>The Millbrook Courier</strong>
<nav><a href="/">News</a> <a href="/">Business</a> <a href="/">Sport</a> <a href="/">Weather</a></nav></header>
<main><article class="article-body">
<h1>${escapeHtml(headline)}</h1>
<p class="byline">By Courier staff · Published Tuesday</p>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
</article></main>
<aside class="related"><h2>Related</h2><ul><li><a href="/">Council approves river path lighting</a></li>
<li><a href="/">Bus routes change for the winter</a></li></ul></aside>
<footer>© The Millbrook Courier</footer>
</body></html>`;
}

/**
 * Waits until the background has analysed the page open in `page` and the content script
 * has painted the result; returns the analysis the background keeps for the tab.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page
 * @param {{timeout?: number}} [options]
 * @returns {Promise<Analysis | null>}
 */
export async function waitForAnalysis(context, page, { timeout = 20000 } = {}) {
  const [worker] = context.serviceWorkers();
  const deadline = Date.now() + timeout;
  for (;;) {
    const entry = await worker.evaluate(async (wanted) => {
      /** @type {Record<string, {url?: string, analysis?: Analysis | null}>} */
      const stored = await chrome.storage.session.get(null);
      return Object.values(stored).find((value) => value?.url === wanted) ?? null;
    }, page.url());
    if (entry) {
      await page.waitForSelector('[data-quotelens-overlay][data-state="painted"]', { state: 'attached', timeout: Math.max(1000, deadline - Date.now()) });
      return entry.analysis ?? null;
    }
    if (Date.now() > deadline) throw new Error(`no analysis of ${page.url()} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens `url` in a new tab of `context`, collecting the page's uncaught errors; with
 * `analysed`, waits until QuoteLens has painted its analysis.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {{analysed?: boolean}} [options]
 */
export async function openPage(context, url, { analysed = false } = {}) {
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  if (analysed) await waitForAnalysis(context, page);
  return { page, errors };
}

/** The extension in a fresh Chromium: its id and its running service worker.
 * @param {{userDataDir?: string}} [options] */
export async function launchExtension(options = {}) {
  const browser = await launchChromium({ withExtension: true, ...options });
  if (browser.context.serviceWorkers().length === 0) await browser.context.waitForEvent('serviceworker');
  return { ...browser, id: await extensionId(), worker: () => browser.context.serviceWorkers()[0] };
}

/** The id of the tab showing url, read from the results the background keeps per tab
 * (the extension has no "tabs" permission, so tabs.query hides URLs from it).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url */
export async function tabIdOf(context, url) {
  const [worker] = context.serviceWorkers();
  return worker.evaluate(async (wanted) => {
    /** @type {Record<string, {url?: string}>} */
    const stored = await chrome.storage.session.get(null);
    const key = Object.keys(stored).find((name) => stored[name].url === wanted);
    return key ? Number(key.replace('tab:', '')) : null;
  }, url);
}

/** The badges the extension shows on a page: label and quote id, in reading order.
 * @param {import('playwright-core').Page} page */
export function badgesOf(page) {
  return page.evaluate(() =>
    [...(document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? [])].map((badge) => ({
      label: badge.textContent ?? '',
      quoteId: Number(/** @type {HTMLElement} */ (badge).dataset.quoteId),
    })),
  );
}
