// Background (Chromium: module service worker; Firefox: module event page). The only
// place the Wasm engine runs for pages: it answers the content script's analysis request,
// keeps each tab's result in session storage (memory only, gone with the browser
// session or the tab) and serves it to the side panel.

import './messages.js';
import './message-checks.js';
import initEngine, { analyze_blocks as analyzeBlocks, export_report as exportReport } from './pkg/quotelens.js';
import { handleArchive, handleCheck } from './check-background.js';
import { deliverCommand, readTab, syncRegistration } from './site-access.js';

const Messages = QuoteLensMessages;
const Checks = QuoteLensChecks;

/** @type {Promise<unknown> | null} */
let engineReady = null;

// Service workers may not use top-level await, and must register listeners synchronously:
// the engine loads on first use instead.
function loadEngine() {
  engineReady ??= initEngine({ module_or_path: chrome.runtime.getURL('pkg/quotelens_bg.wasm') });
  return engineReady;
}

/** @param {number} tabId */
const storageKey = (tabId) => `tab:${tabId}`;

/** Each tab's analysis being written to session storage: the content script has its answer
 * before the write ends (the write is not on the way to the badges), and whatever reads the
 * tab's entry waits for it. @type {Map<number, Promise<void>>} */
const storing = new Map();
/** @param {number} tabId */
const written = (tabId) => storing.get(tabId) ?? Promise.resolve();

/**
 * @typedef {{url: string, title: string, analyzedAt: number, analysis: Analysis | null, error: string | null,
 *   unanchored: number[], marks: boolean, text: string}} TabResult
 *   text: the article text as analysed, kept (in memory) for the exports only
 */

/**
 * @param {AnalyzeRequest} request
 * @param {chrome.runtime.MessageSender} sender
 */
async function handleAnalyze(request, sender) {
  const tabId = /** @type {number} */ (sender.tab?.id);
  /** @type {TabResult} */
  const entry = {
    url: sameOrigin(request.url, sender.url) ? request.url : sender.url ?? '',
    title: request.title,
    analyzedAt: Date.now(),
    analysis: null,
    error: null,
    unanchored: [],
    marks: true,
    text: '',
  };
  try {
    await loadEngine();
    /** @type {Analysis} */
    const analysis = analyzeBlocks(request.blocks);
    // The text is the page's own: the panel and the content script need only the spans,
    // so it stays apart from the analysis, in the tab's entry (session storage: memory
    // only, dropped with the tab), for the exports.
    entry.text = analysis.text ?? '';
    delete analysis.text;
    entry.analysis = analysis;
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error);
  }
  const store = chrome.storage.session
    .set({ [storageKey(tabId)]: entry })
    .then(() => tellPanels(tabId))
    .catch((error) => console.warn('QuoteLens: storing the analysis:', error))
    .finally(() => {
      if (storing.get(tabId) === store) storing.delete(tabId);
    });
  storing.set(tabId, store);
  return entry.analysis ? { ok: true, analysis: entry.analysis } : { ok: false, error: entry.error };
}

/** @param {number} tabId */
function tellPanels(tabId) {
  chrome.runtime.sendMessage({ type: Messages.BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED, tabId }).catch(() => {
    // No panel open: nobody to tell.
  });
}

/**
 * The content script painted the tab's analysis: which quotes found no place on the page.
 * @param {PaintedReport} report
 * @param {number} tabId
 */
async function handlePainted(report, tabId) {
  await written(tabId);
  const key = storageKey(tabId);
  const entry = /** @type {TabResult | undefined} */ ((await chrome.storage.session.get(key))[key]);
  if (!entry?.analysis) return;
  const known = new Set(entry.analysis.quotes.map((quote) => quote.id));
  entry.unanchored = report.unanchored.filter((id) => known.has(id));
  entry.marks = report.marks;
  await chrome.storage.session.set({ [key]: entry });
  tellPanels(tabId);
}

/** Whether a page's reported address is on the origin its frame is known to show (a
 * single-page app changes its path, never its origin).
 * @param {string} url @param {string | undefined} known */
function sameOrigin(url, known) {
  try {
    return known !== undefined && new URL(url).origin === new URL(known).origin;
  } catch {
    return false;
  }
}

/** @param {number} tabId */
async function tabResult(tabId) {
  await written(tabId);
  const key = storageKey(tabId);
  const stored = /** @type {TabResult | undefined} */ ((await chrome.storage.session.get(key))[key]);
  if (!stored) return { ok: true, result: null };
  const { text, ...result } = stored;
  return { ok: true, result };
}

/**
 * A tab's quotes and claims in one of the engine's export formats.
 * @param {ExportRequest} request
 * @returns {Promise<ExportResponse>}
 */
async function handleExport(request) {
  await written(request.tabId);
  const key = storageKey(request.tabId);
  const entry = /** @type {TabResult | undefined} */ ((await chrome.storage.session.get(key))[key]);
  if (!entry?.analysis || !entry.text) return { ok: false, error: 'no analysed article in this tab' };
  try {
    await loadEngine();
    const content = exportReport(entry.text, request.format, entry.url, entry.title, null);
    const format = Checks.EXPORTS[request.format];
    let host = 'page';
    try {
      host = new URL(entry.url).hostname || host;
    } catch {
      // keep 'page'
    }
    return { ok: true, content, filename: `quotelens-${host}-${format.suffix}`, mime: format.mime };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** @param {chrome.runtime.MessageSender} sender */
const fromExtensionPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));

/** Our content script in a page's top frame (not an extension page, not a subframe).
 * @param {chrome.runtime.MessageSender} sender */
const fromContentScript = (sender) =>
  typeof sender.tab?.id === 'number' && sender.frameId === 0 && !fromExtensionPage(sender) && /^https?:/.test(sender.url ?? '');

// Every message is checked twice: who sent it (only this extension's own contexts can
// reach this listener; which of them, by tab, frame and URL) and its shape (message-checks.js).
// Anything else gets no answer.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (Checks.isAnalyzeRequest(message)) {
    if (!fromContentScript(sender)) return false;
    handleAnalyze(message, sender).then(sendResponse);
    return true;
  }
  if (Checks.isPaintedReport(message)) {
    if (!fromContentScript(sender)) return false;
    handlePainted(message, /** @type {number} */ (sender.tab?.id)).then(() => sendResponse({ ok: true }));
    return true;
  }
  if (Checks.isExportRequest(message)) {
    if (!fromExtensionPage(sender)) return false;
    handleExport(message).then(sendResponse);
    return true;
  }
  if (Checks.isCheckRequest(message)) {
    if (!fromContentScript(sender)) return false;
    const tabId = /** @type {number} */ (sender.tab?.id);
    written(tabId)
      .then(() => handleCheck(tabId, message.passage, loadEngine))
      .then(sendResponse);
    return true;
  }
  if (Checks.isPanelCheckRequest(message)) {
    if (!fromExtensionPage(sender)) return false;
    written(message.tabId)
      .then(() => handleCheck(message.tabId, message.passage, loadEngine))
      .then(sendResponse);
    return true;
  }
  if (Checks.isArchiveRequest(message)) {
    if (!fromExtensionPage(sender)) return false;
    handleArchive(message).then(sendResponse);
    return true;
  }
  if (Checks.isTabResultRequest(message)) {
    if (!fromExtensionPage(sender)) return false;
    tabResult(message.tabId).then(sendResponse);
    return true;
  }
  if (Checks.isReadTabRequest(message)) {
    if (!fromExtensionPage(sender)) return false;
    readTab(message.tabId).then(sendResponse);
    return true;
  }
  return false;
});

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(storageKey(tabId));
});

// A navigation makes the tab's result stale; the new page's content script sends a new one.
chrome.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading') {
    chrome.storage.session.remove(storageKey(tabId));
    tellPanels(tabId);
  }
});

// Keyboard shortcuts (manifest "commands"; chrome://extensions/shortcuts to change them)
// act on the active tab's page; their gesture grants activeTab there, so on a page not
// read yet they bring the content script (site-access.js). _execute_action, the toolbar
// button's shortcut, arrives as a click (action.onClicked below).
chrome.commands?.onCommand.addListener(async (command, tab) => {
  const name = /** @type {ContentCommandName} */ (command);
  if (!Messages.CONTENT_COMMANDS.includes(name)) return;
  const tabId = tab?.id ?? (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (typeof tabId === 'number') await deliverCommand(tabId, name);
});

/**
 * The toolbar button (or its shortcut): opens the panel (Chromium's side panel, Firefox's
 * sidebar) and reads the tab's page, which the click lets QuoteLens do through activeTab.
 * The panel opens first and synchronously: both browsers accept it only within the
 * click's handler.
 * @param {chrome.tabs.Tab} tab
 */
function onToolbarButton(tab) {
  if (chrome.sidePanel?.open) {
    chrome.sidePanel.open({ windowId: tab.windowId }).catch(() => {});
  } else {
    /** @type {any} */ (globalThis).browser?.sidebarAction?.open().catch(() => {});
  }
  if (typeof tab.id === 'number') readTab(tab.id);
}
chrome.action.onClicked.addListener(onToolbarButton);
// The click reaches onClicked only when the browser does not open the panel by itself.
chrome.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});

// The content script's registration follows the settings and the host permissions granted.
chrome.runtime.onInstalled.addListener(() => syncRegistration());
chrome.runtime.onStartup.addListener(() => syncRegistration());
chrome.permissions.onAdded.addListener(() => syncRegistration());
chrome.permissions.onRemoved.addListener(() => syncRegistration());
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && Checks.SETTINGS_KEY in changes) syncRegistration();
});
