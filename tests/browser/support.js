// Shared by the browser tests: a local HTTP server on 127.0.0.1 and Debian's Chromium,
// driven by playwright-core (which never downloads a browser of its own).
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

/** @type {Promise<string> | null} */
let grantedDir = null;

/**
 * The extension as a reader has it after choosing "every page" in the options and allowing
 * it when the browser asked: a copy of dist/extension whose optional host permissions are
 * declared granted (host_permissions). Playwright cannot answer the browser's permission
 * prompt (`chrome.permissions.request` opens browser UI it cannot reach), so this copy
 * stands in for the granted request; everything else is dist/extension byte for byte (the
 * same key, hence the same extension id). The Firefox check goes through the real
 * request and grant (tests/firefox); the "only when I ask" tests load dist/extension
 * itself, with no site access at all.
 */
function grantedExtension() {
  grantedDir ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotelens-granted-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await cp(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    manifest.host_permissions = manifest.optional_host_permissions;
    delete manifest.optional_host_permissions;
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return dir;
  })();
  return grantedDir;
}

/**
 * Chromium, with the extension when asked. `access`: 'every' (the default) is a reader
 * who chose "every page" and granted it (see grantedExtension; settings saved as "every"
 * unless the profile already has settings); 'none' is the extension as installed: "only
 * when I ask", no site access. A userDataDir given is kept on close (a restart test
 * reopens it); otherwise a temporary one is removed.
 * @param {{withExtension?: boolean, access?: 'every' | 'none', userDataDir?: string}} [options]
 */
export async function launchChromium({ withExtension = false, access = 'every', userDataDir: keptDir } = {}) {
  const userDataDir = keptDir ?? (await mkdtemp(join(tmpdir(), 'quotelens-chromium-')));
  const args = [...CHROMIUM_ARGS];
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`${EXTENSION_DIR} is missing: run ./build.sh build`);
  if (withExtension) {
    const dir = access === 'every' ? await grantedExtension() : EXTENSION_DIR;
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    if (access === 'every') {
      // Saved as the options page saves it; the background then registers the content
      // script for every page. Wait until it has (or until saved settings say "ask").
      await worker.evaluate(async () => {
        if (!(await chrome.storage.local.get('settings')).settings) {
          await chrome.storage.local.set({ settings: { mode: 'every', sites: [] } });
        }
        for (let waited = 0; waited < 10000; waited += 50) {
          const { settings } = /** @type {{settings?: {mode?: string}}} */ (await chrome.storage.local.get('settings'));
          if (settings?.mode === 'click') return;
          if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the content script was not registered');
      });
    }
  }
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
 * @param {{userDataDir?: string, access?: 'every' | 'none'}} [options] */
export async function launchExtension(options = {}) {
  const browser = await launchChromium({ withExtension: true, ...options });
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

/**
 * Clicks QuoteLens's toolbar button for the tab showing `page`, as nearly as a test can.
 * Playwright cannot click browser UI. Chromium's DevTools protocol command
 * `Extensions.triggerAction` runs the extension's action for a tab through the browser's
 * own action code, the path of a click on the button (and of its keyboard shortcut,
 * `_execute_action`): the browser grants activeTab for that tab and fires
 * action.onClicked. It is not the background's handler called from the test, and it
 * grants nothing a reader's click would not.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page a tab whose URL no other tab shows
 */
export async function clickToolbarButton(context, page) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to talk to');
  const session = await browser.newBrowserCDPSession();
  try {
    /** @type {{targetInfos: {targetId: string, type: string, url: string}[]}} */
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((target) => target.type === 'tab' && target.url === page.url());
    if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${page.url()}`);
    await /** @type {any} */ (session).send('Extensions.triggerAction', { id: await extensionId(), targetId: tabs[0].targetId });
  } finally {
    await session.detach();
  }
}

/**
 * Saves settings as the options page does and waits until the background has registered
 * the content script for them (none for "only when I ask").
 * @param {import('playwright-core').Worker} worker
 * @param {{mode: 'every' | 'click' | 'sites', sites: string[]}} settings
 */
export async function saveSettings(worker, settings) {
  await worker.evaluate(async (wanted) => {
    await chrome.storage.local.set({ settings: wanted });
    const patterns = QuoteLensChecks.patternsOf(QuoteLensChecks.readSettings(wanted)).sort().join(' ');
    for (let waited = 0; waited < 10000; waited += 50) {
      const registered = (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []);
      if (registered.sort().join(' ') === patterns) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the content script is not registered for ${patterns || 'no page'}`);
  }, settings);
}
