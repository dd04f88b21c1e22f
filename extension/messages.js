// The one list of messages between the extension's contexts, and the checks the content
// script makes of what it receives. The checks of what the background and the extension's
// pages receive, and of the settings, are in message-checks.js: this file is loaded into
// every page the extension reads, and the page pays for every byte of it.
//
// A classic script, not a module: MV3 content scripts cannot be modules, so the content
// script loads this file before content.js, the side panel through a <script> tag and the
// module service worker through `import './messages.js'`. In that last case top-level
// declarations stay module-local, hence the explicit globalThis assignment below.

/**
 * @typedef {{tag: string, text: string, hint: string, link_chars: number, ancestors: number[]}} ArticleBlock
 *   one run of page text in the engine's block model (src/extract.rs)
 * @typedef {{type: 'CONTENT_TO_BACKGROUND_ANALYZE', title: string, url: string, blocks: ArticleBlock[]}} AnalyzeRequest
 *   url: the page's address now (a single-page app changes it without a new document)
 * @typedef {{type: 'PANEL_TO_BACKGROUND_GET_TAB_RESULT', tabId: number}} TabResultRequest
 * @typedef {{type: 'BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED', tabId: number}} TabResultChanged
 * @typedef {{type: 'PANEL_TO_CONTENT_SCROLL_TO_QUOTE', quoteId: number}} ScrollToQuote
 * @typedef {{type: 'BACKGROUND_TO_CONTENT_ANALYZE_NOW'}} AnalyzeNow
 *   the reader asked for this tab (toolbar button, panel): read the page again now
 * @typedef {{type: 'PANEL_TO_BACKGROUND_READ_TAB', tabId: number}} ReadTabRequest
 *   the panel asks for its tab to be read: the background reaches the page's script, or
 *   injects it where the extension may (site access granted, or activeTab)
 * @typedef {{ok: true} | {ok: false, error: 'no-access' | 'not-a-page'}} ReadTabResponse
 * @typedef {'toggle-marks' | 'next-quote' | 'previous-quote' | 'check-quote'} ContentCommandName
 * @typedef {{type: 'BACKGROUND_TO_CONTENT_COMMAND', command: ContentCommandName}} ContentCommand
 *   a keyboard shortcut (manifest "commands") for the active tab
 * @typedef {{type: 'CONTENT_TO_BACKGROUND_PAINTED', unanchored: number[], marks: boolean}} PaintedReport
 *   which quotes of the tab's analysis found no place on the page, and whether marks show
 * @typedef {{ok: true, analysis: Analysis} | {ok: false, error: string}} AnalyzeResponse
 * @typedef {'citation' | 'csv' | 'webannotation' | 'claimreview'} ExportFormat
 * @typedef {{type: 'PANEL_TO_BACKGROUND_EXPORT', tabId: number, format: ExportFormat}} ExportRequest
 * @typedef {{ok: true, content: string, filename: string, mime: string} | {ok: false, error: string}} ExportResponse
 * @typedef {{type: 'CONTENT_TO_BACKGROUND_CHECK', passage: string}} CheckRequest
 *   "Check quote" on a selection: the passage against the tab's analysed text and the archive
 * @typedef {{type: 'PANEL_TO_BACKGROUND_CHECK', tabId: number, passage: string}} PanelCheckRequest
 *   the panel's "paste a quote" box: the same check for the tab
 * @typedef {{ok: true, result: CheckResult, archive: ArchiveHit[]} | {ok: false, error: string}} CheckResponse
 * @typedef {{type: 'PANEL_TO_CONTENT_SCROLL_TO_TEXT', start: number, end: number}} ScrollToText
 *   scroll to and flash a stretch of the analysed text (UTF-16 offsets)
 * @typedef {'save' | 'count' | 'export' | 'import' | 'clear'} ArchiveAction
 * @typedef {{type: 'PANEL_TO_BACKGROUND_ARCHIVE', action: ArchiveAction, tabId?: number, jsonl?: string}} ArchiveRequest
 *   the local quote archive (IndexedDB, opt-in): save the tab's quotes, count, export or
 *   import JSONL, clear all
 * @typedef {{ok: true, count: number, saved?: number, imported?: number, rejected?: number, jsonl?: string}
 *   | {ok: false, error: string}} ArchiveResponse
 * @typedef {'every' | 'click' | 'sites'} RunMode
 * @typedef {{mode: RunMode, sites: string[]}} Settings
 *   run on every page, only when asked (the default: no site access needed), or on the
 *   listed sites (host names; subdomains included) and when asked
 */

var QuoteLensMessages = (() => {
  /**
   * @param {unknown} value
   * @returns {value is Record<string, unknown>}
   */
  const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

  const messages = Object.freeze({
    CONTENT_TO_BACKGROUND_ANALYZE: /** @type {'CONTENT_TO_BACKGROUND_ANALYZE'} */ ('CONTENT_TO_BACKGROUND_ANALYZE'),
    PANEL_TO_BACKGROUND_GET_TAB_RESULT: /** @type {'PANEL_TO_BACKGROUND_GET_TAB_RESULT'} */ ('PANEL_TO_BACKGROUND_GET_TAB_RESULT'),
    BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED: /** @type {'BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED'} */ ('BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED'),
    PANEL_TO_CONTENT_SCROLL_TO_QUOTE: /** @type {'PANEL_TO_CONTENT_SCROLL_TO_QUOTE'} */ ('PANEL_TO_CONTENT_SCROLL_TO_QUOTE'),
    BACKGROUND_TO_CONTENT_ANALYZE_NOW: /** @type {'BACKGROUND_TO_CONTENT_ANALYZE_NOW'} */ ('BACKGROUND_TO_CONTENT_ANALYZE_NOW'),
    PANEL_TO_BACKGROUND_READ_TAB: /** @type {'PANEL_TO_BACKGROUND_READ_TAB'} */ ('PANEL_TO_BACKGROUND_READ_TAB'),
    BACKGROUND_TO_CONTENT_COMMAND: /** @type {'BACKGROUND_TO_CONTENT_COMMAND'} */ ('BACKGROUND_TO_CONTENT_COMMAND'),
    CONTENT_TO_BACKGROUND_PAINTED: /** @type {'CONTENT_TO_BACKGROUND_PAINTED'} */ ('CONTENT_TO_BACKGROUND_PAINTED'),
    PANEL_TO_BACKGROUND_EXPORT: /** @type {'PANEL_TO_BACKGROUND_EXPORT'} */ ('PANEL_TO_BACKGROUND_EXPORT'),
    CONTENT_TO_BACKGROUND_CHECK: /** @type {'CONTENT_TO_BACKGROUND_CHECK'} */ ('CONTENT_TO_BACKGROUND_CHECK'),
    PANEL_TO_BACKGROUND_CHECK: /** @type {'PANEL_TO_BACKGROUND_CHECK'} */ ('PANEL_TO_BACKGROUND_CHECK'),
    PANEL_TO_CONTENT_SCROLL_TO_TEXT: /** @type {'PANEL_TO_CONTENT_SCROLL_TO_TEXT'} */ ('PANEL_TO_CONTENT_SCROLL_TO_TEXT'),
    PANEL_TO_BACKGROUND_ARCHIVE: /** @type {'PANEL_TO_BACKGROUND_ARCHIVE'} */ ('PANEL_TO_BACKGROUND_ARCHIVE'),

    /** The manifest's keyboard commands that act on the page. */
    CONTENT_COMMANDS: Object.freeze(/** @type {ContentCommandName[]} */ (['toggle-marks', 'next-quote', 'previous-quote', 'check-quote'])),

    // Bounds on what a page may send: far beyond any article, small enough that a hostile
    // page cannot make the service worker build an enormous message or Wasm input.
    MAX_BLOCKS: 20000,
    /** Text and hints of all blocks together. */
    MAX_MESSAGE_CHARS: 4_000_000,
    MAX_HINT_CHARS: 8000,
    MAX_TITLE_CHARS: 1000,
    MAX_URL_CHARS: 8192,
    /** The longest passage a check accepts (the engine reads its first 300 words). */
    MAX_PASSAGE_CHARS: 10000,

    /**
     * @param {unknown} message
     * @returns {message is ScrollToQuote}
     */
    isScrollToQuote: (message) =>
      isRecord(message) && message.type === messages.PANEL_TO_CONTENT_SCROLL_TO_QUOTE && Number.isInteger(message.quoteId) && /** @type {number} */ (message.quoteId) >= 0,

    /**
     * @param {unknown} message
     * @returns {message is AnalyzeNow}
     */
    isAnalyzeNow: (message) => isRecord(message) && message.type === messages.BACKGROUND_TO_CONTENT_ANALYZE_NOW,

    /**
     * @param {unknown} message
     * @returns {message is ContentCommand}
     */
    isContentCommand: (message) =>
      isRecord(message) &&
      message.type === messages.BACKGROUND_TO_CONTENT_COMMAND &&
      messages.CONTENT_COMMANDS.includes(/** @type {ContentCommandName} */ (message.command)),

    /**
     * @param {unknown} message
     * @returns {message is ScrollToText}
     */
    isScrollToText: (message) =>
      isRecord(message) &&
      message.type === messages.PANEL_TO_CONTENT_SCROLL_TO_TEXT &&
      Number.isInteger(message.start) &&
      Number.isInteger(message.end) &&
      /** @type {number} */ (message.start) >= 0 &&
      /** @type {number} */ (message.end) > /** @type {number} */ (message.start),
  });
  return messages;
})();

globalThis.QuoteLensMessages = QuoteLensMessages;
