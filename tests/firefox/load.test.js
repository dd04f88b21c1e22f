// The extension really loads and works in Firefox (issue 5): firefox-esr headless, driven
// through geckodriver's WebDriver API (no Playwright: it cannot drive a stock Firefox),
// installs dist/extension as a temporary add-on (geckodriver's
// POST /session/{id}/moz/addon/install with temporary: true, what about:debugging's "Load
// Temporary Add-on" does). As installed it reads no page by itself ("only when I ask", no
// site access); the options page's "every web page" then asks Firefox for access to all
// sites (`permissions.request`, granted without a prompt: the test profile sets
// extensions.webextOptionalPermissionPrompts to false, and the click on Save is WebDriver's,
// a real user input), and the background registers the content script. A news page served
// from 127.0.0.1 with a strict CSP then gets its badges: the content script read the page,
// the background script (Firefox runs `background.scripts`, not the service worker)
// analysed it in Wasm, and the content script painted the result, though the page's
// stylesheet arrives late (see SLOW_SHEET_MS). The badges must be those Chromium shows on
// the same page.
//
// Needs firefox-esr and geckodriver (`./build.sh setup` installs both); without them the
// test is skipped with a message.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { EXTENSION_DIR, launchExtension, newsPage, startServer, waitForAnalysis } from '../browser/support.js';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER_PATH ?? 'geckodriver';
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
// Firefox's own background traffic (studies, remote settings, telemetry) off: the test
// machine may have no network, and a test should not talk to Mozilla.
const QUIET_PREFS = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

const SLOW_SHEET_MS = 1500;

// The add-on's internal UUID, fixed so that the test can open its options page.
const ADDON_ID = 'quotelens@quotelens.dev';
const ADDON_UUID = '3b4f1c2e-5a6d-4e7f-8a9b-0c1d2e3f4a5b';

const missing = [
  existsSync(FIREFOX) ? null : `${FIREFOX} is absent`,
  spawnSync(GECKODRIVER, ['--version']).status === 0 ? null : 'geckodriver is not on PATH',
  existsSync(join(EXTENSION_DIR, 'manifest.json')) ? null : `${EXTENSION_DIR} is not built (./build.sh build)`,
].filter(Boolean);
const skip = missing.length ? `${missing.join('; ')}: ./build.sh setup installs Firefox and geckodriver` : false;

/** @type {import('node:child_process').ChildProcess | undefined} */
let driver;
/** @type {string} */
let driverUrl;
/** @type {string | undefined} */
let sessionId;
/** @type {Awaited<ReturnType<typeof startServer>> | undefined} */
let server;

/** A WebDriver command. @param {'GET' | 'POST' | 'DELETE'} method @param {string} path @param {unknown} [body] */
async function webdriver(method, path, body) {
  const response = await fetch(`${driverUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = /** @type {{value: any}} */ (await response.json());
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(reply.value)}`);
  return reply.value;
}

/** geckodriver on a free port: `--port 0` picks one, the log line says which. */
async function startDriver() {
  // --allow-system-access: the test opens the extension's options page through the
  // browser's own code (see below).
  const child = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', '0', '--binary', FIREFOX, '--allow-system-access'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`geckodriver did not start: ${output}`)), 15000);
    /** @param {Buffer} chunk */
    const read = (chunk) => {
      output += chunk;
      const match = /Listening on ([\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://${match[1]}`);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`geckodriver exited (${code}): ${output}`)));
  });
  return { child, url: /** @type {string} */ (url) };
}

before(async () => {
  if (skip) return;
  const news = await newsPage();
  const headers = { 'content-security-policy': STRICT_CSP };
  server = await startServer(async (path) => {
    if (path === '/news.html') return { body: news, headers };
    if (path === '/page.css') {
      // The page's stylesheet arrives after its DOM is parsed, when the content script
      // first reads it: Firefox has laid out nothing yet and every element reads as
      // unrendered (on a loaded machine a fast stylesheet once came this late, and the
      // page stayed painted with no badge). The badges must come all the same.
      await new Promise((resolve) => setTimeout(resolve, SLOW_SHEET_MS));
      return { body: 'body { margin: 0 auto; max-width: 40rem; }', type: 'text/css', headers };
    }
    return null;
  });
  ({ child: driver, url: driverUrl } = await startDriver());
  const session = await webdriver('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: FIREFOX,
          args: ['-headless'],
          prefs: {
            ...QUIET_PREFS,
            'extensions.webextOptionalPermissionPrompts': false,
            'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
          },
        },
      },
    },
  });
  sessionId = session.sessionId;
  console.log(`Firefox ${session.capabilities.browserVersion} headless, geckodriver ${driverUrl}`);
});

after(async () => {
  if (sessionId) await webdriver('DELETE', `/session/${sessionId}`).catch(() => {});
  driver?.kill();
  await server?.close();
});

/** @param {string} script @param {unknown[]} [args] */
const run = (script, args = []) => webdriver('POST', `/session/${sessionId}/execute/sync`, { script, args });

/** @param {string} selector */
async function click(selector) {
  const element = await webdriver('POST', `/session/${sessionId}/element`, { using: 'css selector', value: selector });
  await webdriver('POST', `/session/${sessionId}/element/${Object.values(element)[0]}/click`, {});
}

test('Firefox: as installed nothing is read; once "every web page" is allowed, a strict-CSP news page gets its badges', { skip }, async () => {
  const id = await webdriver('POST', `/session/${sessionId}/moz/addon/install`, { path: EXTENSION_DIR, temporary: true });
  assert.equal(id, ADDON_ID);
  const overlayScript = `const host = document.querySelector('[data-quotelens-overlay]');
    return host && { state: host.dataset.state,
      badges: [...(host.shadowRoot?.querySelectorAll('.badge') ?? [])].map((badge) => badge.getAttribute('aria-label') ?? '') };`;
  await webdriver('POST', `/session/${sessionId}/url`, { url: `${server?.origin}/news.html?before` });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await run(overlayScript), null, 'no site access yet: the page is not read');

  // WebDriver may not navigate to an extension's page: the browser's own code opens it
  // (Marionette's chrome context), as the add-ons manager's "Options" would.
  await webdriver('POST', `/session/${sessionId}/moz/context`, { context: 'chrome' });
  await run(`gBrowser.selectedTab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`, [
    `moz-extension://${ADDON_UUID}/options.html`,
  ]);
  await webdriver('POST', `/session/${sessionId}/moz/context`, { context: 'content' });
  const handles = await webdriver('GET', `/session/${sessionId}/window/handles`);
  await webdriver('POST', `/session/${sessionId}/window`, { handle: handles[handles.length - 1] });
  for (let tries = 0; tries < 50 && !(await run('return document.documentElement.dataset.loaded === "true"')); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(await run('return document.querySelector(\'input[value="click"]\').checked'), true, '"only when I ask" by default');
  const allSites = 'return browser.permissions.contains({ origins: ["http://*/*", "https://*/*"] })';
  assert.equal(await run(allSites), false, 'no site access as installed');
  await click('input[name="mode"][value="every"]');
  await click('button[type="submit"]');
  /** @type {string} */
  let saved = '';
  for (let tries = 0; tries < 50 && !saved.startsWith('Saved'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    saved = await run('return document.getElementById("saved").textContent');
  }
  assert.equal(saved, 'Saved.');
  assert.equal(await run(allSites), true, 'Firefox granted the access asked for');
  // The background registers the content script when the permission arrives (its event
  // page may first have to start): wait until it has.
  /** @type {string[]} */
  let registered = [];
  for (let tries = 0; tries < 100 && registered.length === 0; tries++) {
    registered = await run('return browser.scripting.getRegisteredContentScripts().then((scripts) => scripts.flatMap((script) => script.matches))');
    if (registered.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(registered.sort(), ['http://*/*', 'https://*/*'], 'the content script is registered for every page');

  await webdriver('POST', `/session/${sessionId}/url`, { url: `${server?.origin}/news.html` });
  /** @type {{state: string, badges: string[]} | null} */
  let seen = null;
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    seen = await run(overlayScript);
    if (seen?.state === 'painted' && seen.badges.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.ok(seen, 'the content script added its overlay');
  assert.equal(seen.state, 'painted');
  console.log(`${seen.badges.length} badges in Firefox: ${seen.badges.slice(0, 3).join(' | ')} …`);
  assert.ok(seen.badges.length >= 3, `${seen.badges.length} badges`);
  assert.ok(seen.badges.some((label) => /Anna Lee/.test(label)), 'a badge names Mayor Anna Lee');

  // The same extension in Chromium, on the same page: the same badges, in the same order.
  const chromium = await launchExtension();
  try {
    const page = await chromium.context.newPage();
    await page.goto(`${server?.origin}/news.html`);
    await waitForAnalysis(chromium.context, page);
    const labels = await page.evaluate(() =>
      [...(document.querySelector('[data-quotelens-overlay]')?.shadowRoot?.querySelectorAll('.badge') ?? [])].map(
        (badge) => badge.getAttribute('aria-label') ?? '',
      ),
    );
    assert.deepEqual(seen.badges, labels);
  } finally {
    await chromium.close();
  }
});
