// Which pages QuoteLens may read, and getting its content script into them (an ES module
// of the background).
//
// The manifest asks for no host permission: "only when I ask" (the default) works with
// `activeTab` alone, which the browser grants for the one tab the reader clicks the toolbar
// button in, presses a QuoteLens shortcut in, or uses "Check quote" in, until that tab
// navigates. There `scripting.executeScript` injects the content script. "Every page" and
// "listed sites" need host access, asked for on the options page
// (`permissions.request` of the manifest's `optional_host_permissions`); the content script
// is then registered (`scripting.registerContentScripts`) for exactly the granted patterns
// the settings name. The registration follows the settings and the granted permissions:
// changed in the options, or withdrawn in the browser's own extension settings.

import './messages.js';
import './message-checks.js';
import { CONTENT_SCRIPT } from './content-scripts.js';

const Messages = QuoteLensMessages;
const Checks = QuoteLensChecks;
const SCRIPT_ID = 'quotelens';
/** The content script waits for DOMContentLoaded itself (content.js). */
const RUN_AT = 'document_start';

/** @param {readonly string[]} a @param {readonly string[]} b */
const samePatterns = (a, b) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

async function registerForSettings() {
  const stored = await chrome.storage.local.get(Checks.SETTINGS_KEY);
  const wanted = Checks.patternsOf(Checks.readSettings(stored[Checks.SETTINGS_KEY]));
  /** @type {string[]} */
  const granted = [];
  for (const pattern of wanted) {
    if (await chrome.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const [registered] = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  // A registration from an older version may run at another time: it is replaced.
  if (registered && samePatterns(registered.matches ?? [], granted) && registered.runAt === RUN_AT) return;
  if (registered) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return;
  await chrome.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: granted, js: [...CONTENT_SCRIPT.js], css: [...CONTENT_SCRIPT.css], runAt: RUN_AT },
  ]);
}

/** @type {Promise<void>} */
let registering = Promise.resolve();

/** Brings the content script's registration in line with the settings and the granted
 * host permissions. Calls run one after another (a registration is not atomic). */
export function syncRegistration() {
  registering = registering.then(registerForSettings).catch((error) => console.warn('QuoteLens: content script registration:', error));
  return registering;
}

/**
 * A message to the content script in a tab's top frame; its answer, or undefined when no
 * live QuoteLens script is there.
 * @param {number} tabId
 * @param {AnalyzeNow | ContentCommand} message
 * @returns {Promise<{ok?: boolean} | undefined>}
 */
async function tell(tabId, message) {
  try {
    return await chrome.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    return undefined;
  }
}

/**
 * Puts the content script into a tab's page (it starts reading as it loads). Works where
 * the extension has access: a granted site, or the tab the reader just acted in (activeTab).
 * @param {number} tabId
 * @returns {Promise<ReadTabResponse>}
 */
async function inject(tabId) {
  try {
    const tab = await chrome.tabs.get(tabId);
    // Without host access, the URL is visible exactly when activeTab is granted.
    if (tab.url !== undefined && !/^https?:/.test(tab.url)) return { ok: false, error: 'not-a-page' };
    await chrome.scripting.insertCSS({ target: { tabId }, files: [...CONTENT_SCRIPT.css] });
    await chrome.scripting.executeScript({ target: { tabId }, files: [...CONTENT_SCRIPT.js] });
    return { ok: true };
  } catch {
    // With access to every web page, a page QuoteLens cannot enter is no web page.
    const everyPage = await chrome.permissions.contains({ origins: [...Checks.ALL_SITES] }).catch(() => false);
    return { ok: false, error: everyPage ? 'not-a-page' : 'no-access' };
  }
}

/**
 * The reader asked for this tab's page to be read (toolbar button, the panel): the
 * content script already there reads it again, or it is injected.
 * @param {number} tabId
 * @returns {Promise<ReadTabResponse>}
 */
export async function readTab(tabId) {
  /** @type {AnalyzeNow} */
  const message = { type: Messages.BACKGROUND_TO_CONTENT_ANALYZE_NOW };
  if ((await tell(tabId, message))?.ok) return { ok: true };
  return inject(tabId);
}

/**
 * A keyboard command or the "Check quote" menu for a tab's page. On a page not read yet
 * the content script is injected first (the command's gesture granted activeTab); it then
 * reads the page and shows its marks, which is what "show the marks" asks, so that command
 * is not passed on.
 * @param {number} tabId
 * @param {ContentCommandName} command
 */
export async function deliverCommand(tabId, command) {
  /** @type {ContentCommand} */
  const message = { type: Messages.BACKGROUND_TO_CONTENT_COMMAND, command };
  if ((await tell(tabId, message))?.ok) return;
  if ((await inject(tabId)).ok && command !== 'toggle-marks') await tell(tabId, message);
}
