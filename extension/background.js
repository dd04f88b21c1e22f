// Background (Chromium: module service worker; Firefox: module event page). The only
// place the Wasm engine runs for pages: it answers the content script's analysis request,
// keeps each tab's result in session storage (memory only, gone with the browser
// session or the tab) and serves it to the side panel.

import './messages.js';
import initEngine, { analyze_blocks as analyzeBlocks } from './pkg/quotelens.js';

const Messages = QuoteLensMessages;

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

/**
 * @typedef {{url: string, title: string, analyzedAt: number, analysis: Analysis | null, error: string | null}} TabResult
 */

/**
 * @param {AnalyzeRequest} request
 * @param {chrome.runtime.MessageSender} sender
 */
async function handleAnalyze(request, sender) {
  const tabId = /** @type {number} */ (sender.tab?.id);
  /** @type {TabResult} */
  const entry = {
    url: sender.url ?? '',
    title: request.title,
    analyzedAt: Date.now(),
    analysis: null,
    error: null,
  };
  try {
    await loadEngine();
    /** @type {Analysis} */
    const analysis = analyzeBlocks(request.blocks);
    // The text is the page's own; the panel and the content script need only the spans,
    // and session storage should hold no more of the page than that.
    delete analysis.text;
    entry.analysis = analysis;
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error);
  }
  await chrome.storage.session.set({ [storageKey(tabId)]: entry });
  chrome.runtime
    .sendMessage({ type: Messages.BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED, tabId })
    .catch(() => {
      // No panel open: nobody to tell.
    });
  return entry.analysis ? { ok: true, analysis: entry.analysis } : { ok: false, error: entry.error };
}

/** @param {number} tabId */
async function tabResult(tabId) {
  const key = storageKey(tabId);
  const stored = await chrome.storage.session.get(key);
  return { ok: true, result: /** @type {TabResult | undefined} */ (stored[key]) ?? null };
}

/** @param {chrome.runtime.MessageSender} sender */
const fromExtensionPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (Messages.isAnalyzeRequest(message)) {
    // Only a page's top frame, through our content script, may ask for an analysis.
    if (typeof sender.tab?.id !== 'number' || sender.frameId !== 0 || fromExtensionPage(sender)) return false;
    handleAnalyze(message, sender).then(sendResponse);
    return true;
  }
  if (Messages.isTabResultRequest(message)) {
    if (!fromExtensionPage(sender)) return false;
    tabResult(message.tabId).then(sendResponse);
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
    chrome.runtime
      .sendMessage({ type: Messages.BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED, tabId })
      .catch(() => {});
  }
});

// The toolbar button opens the panel: Chromium's side panel, Firefox's sidebar.
if (chrome.sidePanel?.setPanelBehavior) {
  chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
} else {
  chrome.action.onClicked.addListener(() => {
    const firefox = /** @type {any} */ (globalThis).browser;
    firefox?.sidebarAction?.open();
  });
}
