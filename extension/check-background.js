// "Check quote" in the background: runs the engine's check of a passage against a tab's
// analysed text (kept in session storage by background.js) and against the local archive,
// answers the archive's requests, and offers "Check quote" in the selection's context menu.
// An ES module imported by background.js.

import { deliverCommand } from './site-access.js';
import { check_archive as checkArchive, check_quote as checkQuote } from './pkg/quotelens.js';
import * as Archive from './archive.js';

const MENU_ID = 'quotelens-check-quote';

/**
 * @param {number} tabId
 * @returns {Promise<{url: string, title: string, text: string, analysis: Analysis | null} | undefined>}
 */
async function tabEntry(tabId) {
  const key = `tab:${tabId}`;
  return /** @type {{url: string, title: string, text: string, analysis: Analysis | null} | undefined} */ (
    (await chrome.storage.session.get(key))[key]
  );
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Checks a passage against the tab's article and the archive (quotes saved from other
 * pages: the same page is on screen already).
 * @param {number} tabId
 * @param {string} passage
 * @param {() => Promise<unknown> | null} loadEngine
 * @returns {Promise<CheckResponse>}
 */
export async function handleCheck(tabId, passage, loadEngine) {
  const entry = await tabEntry(tabId);
  if (!entry?.analysis || !entry.text) return { ok: false, error: 'This page has not been read yet.' };
  try {
    await loadEngine();
    /** @type {CheckResult} */
    const result = checkQuote(entry.text, passage);
    /** @type {ArchiveHit[]} */
    let archive = [];
    const saved = (await Archive.all()).filter((record) => record.url !== entry.url);
    if (saved.length) {
      /** @type {{index: number, score: number, level: ArchiveHit['level'], diff: DiffRun[]}[]} */
      const found = checkArchive(passage, saved.map((record) => record.text));
      archive = found.slice(0, 20).map(({ index, score, level, diff }) => {
        const { url, title, savedAt, speaker, text } = saved[index];
        return { url, title, savedAt, speaker, text, score, level, diff };
      });
    }
    return { ok: true, result, archive };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/**
 * @param {ArchiveRequest} request
 * @returns {Promise<ArchiveResponse>}
 */
export async function handleArchive(request) {
  try {
    if (request.action === 'save') {
      const entry = await tabEntry(/** @type {number} */ (request.tabId));
      if (!entry?.analysis) return { ok: false, error: 'no analysed article in this tab' };
      const savedAt = Date.now();
      const records = entry.analysis.quotes
        .filter((quote) => quote.kind === 'direct' || quote.kind === 'partial')
        .map((quote) => ({ url: entry.url, title: entry.title, savedAt, speaker: quote.speaker, text: quote.text, kind: quote.kind }))
        .map(Archive.recordOf)
        .filter((record) => record !== null);
      const saved = await Archive.savePage(entry.url, records);
      return { ok: true, saved, count: await Archive.count() };
    }
    if (request.action === 'import') {
      const { imported, rejected } = await Archive.importJsonl(/** @type {string} */ (request.jsonl));
      return { ok: true, imported, rejected, count: await Archive.count() };
    }
    if (request.action === 'export') return { ok: true, jsonl: await Archive.exportJsonl(), count: await Archive.count() };
    if (request.action === 'clear') await Archive.clear();
    return { ok: true, count: await Archive.count() };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

// The selection's context menu: "Check quote" asks the page's content script to check
// what is selected (the same as the keyboard command; on a page not read yet the menu
// click's activeTab brings the script).
chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus?.create({ id: MENU_ID, title: 'Check quote', contexts: ['selection'] }, () => {
    void chrome.runtime.lastError;
  });
});

chrome.contextMenus?.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || typeof tab?.id !== 'number') return;
  deliverCommand(tab.id, 'check-quote');
});
