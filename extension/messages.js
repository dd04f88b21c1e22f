// The one list of messages between the extension's contexts, and their shape checks.
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
 * @typedef {{type: 'PANEL_TO_CONTENT_ANALYZE_NOW'}} AnalyzeNow
 *   the reader asked for this tab (toolbar button, panel): read the page even when the
 *   settings say "only on click" or the site is not on the list
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
 *   run on every page, only when asked, or on the listed sites (host names; subdomains
 *   included) and when asked
 */

var QuoteLensMessages = (() => {
  /**
   * @param {unknown} value
   * @returns {value is Record<string, unknown>}
   */
  function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  /** @param {unknown} value */
  function isTabId(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
  }

  const messages = Object.freeze({
    CONTENT_TO_BACKGROUND_ANALYZE: /** @type {'CONTENT_TO_BACKGROUND_ANALYZE'} */ ('CONTENT_TO_BACKGROUND_ANALYZE'),
    PANEL_TO_BACKGROUND_GET_TAB_RESULT: /** @type {'PANEL_TO_BACKGROUND_GET_TAB_RESULT'} */ (
      'PANEL_TO_BACKGROUND_GET_TAB_RESULT'
    ),
    BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED: /** @type {'BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED'} */ (
      'BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED'
    ),
    PANEL_TO_CONTENT_SCROLL_TO_QUOTE: /** @type {'PANEL_TO_CONTENT_SCROLL_TO_QUOTE'} */ ('PANEL_TO_CONTENT_SCROLL_TO_QUOTE'),
    PANEL_TO_CONTENT_ANALYZE_NOW: /** @type {'PANEL_TO_CONTENT_ANALYZE_NOW'} */ ('PANEL_TO_CONTENT_ANALYZE_NOW'),
    BACKGROUND_TO_CONTENT_COMMAND: /** @type {'BACKGROUND_TO_CONTENT_COMMAND'} */ ('BACKGROUND_TO_CONTENT_COMMAND'),
    CONTENT_TO_BACKGROUND_PAINTED: /** @type {'CONTENT_TO_BACKGROUND_PAINTED'} */ ('CONTENT_TO_BACKGROUND_PAINTED'),
    PANEL_TO_BACKGROUND_EXPORT: /** @type {'PANEL_TO_BACKGROUND_EXPORT'} */ ('PANEL_TO_BACKGROUND_EXPORT'),
    CONTENT_TO_BACKGROUND_CHECK: /** @type {'CONTENT_TO_BACKGROUND_CHECK'} */ ('CONTENT_TO_BACKGROUND_CHECK'),
    PANEL_TO_BACKGROUND_CHECK: /** @type {'PANEL_TO_BACKGROUND_CHECK'} */ ('PANEL_TO_BACKGROUND_CHECK'),
    PANEL_TO_CONTENT_SCROLL_TO_TEXT: /** @type {'PANEL_TO_CONTENT_SCROLL_TO_TEXT'} */ ('PANEL_TO_CONTENT_SCROLL_TO_TEXT'),
    PANEL_TO_BACKGROUND_ARCHIVE: /** @type {'PANEL_TO_BACKGROUND_ARCHIVE'} */ ('PANEL_TO_BACKGROUND_ARCHIVE'),
    /** The longest passage a check accepts (the engine reads its first 300 words). */
    MAX_PASSAGE_CHARS: 10000,
    /** The largest JSONL import of the archive. */
    MAX_IMPORT_CHARS: 20_000_000,

    /** The engine's export formats (src/export.rs): file name suffix and media type. */
    EXPORTS: Object.freeze({
      citation: { label: 'Citations (Markdown)', suffix: 'citations.md', mime: 'text/markdown' },
      csv: { label: 'Spreadsheet (CSV)', suffix: 'quotes.csv', mime: 'text/csv' },
      webannotation: { label: 'Web Annotations (JSON-LD)', suffix: 'annotations.jsonld', mime: 'application/ld+json' },
      claimreview: { label: 'ClaimReview (JSON-LD)', suffix: 'claimreview.jsonld', mime: 'application/ld+json' },
    }),

    /** The manifest's keyboard commands that act on the page. */
    CONTENT_COMMANDS: Object.freeze(/** @type {ContentCommandName[]} */ (['toggle-marks', 'next-quote', 'previous-quote', 'check-quote'])),
    /** Where the reader's settings live in storage.local (the only persistent storage). */
    SETTINGS_KEY: 'settings',
    MAX_SITES: 500,
    MAX_UNANCHORED: 100000,

    /**
     * The settings in storage, or the defaults for anything missing or malformed.
     * @param {unknown} value
     * @returns {Settings}
     */
    readSettings(value) {
      const record = isRecord(value) ? value : {};
      const mode = record.mode === 'click' || record.mode === 'sites' ? record.mode : 'every';
      const sites = Array.isArray(record.sites)
        ? record.sites.filter((site) => typeof site === 'string').map(messages.siteOf).filter((site) => site !== null)
        : [];
      return { mode, sites: [...new Set(sites)].slice(0, messages.MAX_SITES) };
    },

    /**
     * A host name from what a reader types ("www.bbc.co.uk", "https://bbc.co.uk/news"), or
     * null when it is none.
     * @param {string} entry
     * @returns {string | null}
     */
    siteOf(entry) {
      const trimmed = entry.trim().toLowerCase();
      if (!trimmed) return null;
      try {
        const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
        return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host.replace(/^www\./, '') : null;
      } catch {
        return null;
      }
    },

    /**
     * Whether QuoteLens reads a page of this host without being asked.
     * @param {Settings} settings
     * @param {string} hostname
     */
    runsOn(settings, hostname) {
      if (settings.mode === 'every') return true;
      if (settings.mode === 'click') return false;
      const host = hostname.toLowerCase();
      return settings.sites.some((site) => host === site || host.endsWith(`.${site}`));
    },

    // Bounds on what a page may send: far beyond any article, small enough that a hostile
    // page cannot make the service worker build an enormous message or Wasm input.
    MAX_BLOCKS: 20000,
    /** Text and hints of all blocks together. */
    MAX_MESSAGE_CHARS: 4_000_000,
    MAX_HINT_CHARS: 8000,
    MAX_ANCESTORS: 12,
    MAX_TITLE_CHARS: 1000,
    MAX_URL_CHARS: 8192,

    /**
     * @param {unknown} message
     * @returns {message is AnalyzeRequest}
     */
    isAnalyzeRequest(message) {
      if (!isRecord(message) || message.type !== messages.CONTENT_TO_BACKGROUND_ANALYZE) return false;
      if (typeof message.title !== 'string' || message.title.length > messages.MAX_TITLE_CHARS) return false;
      if (typeof message.url !== 'string' || message.url.length > messages.MAX_URL_CHARS || !/^https?:\/\//.test(message.url)) return false;
      const blocks = message.blocks;
      if (!Array.isArray(blocks) || blocks.length > messages.MAX_BLOCKS) return false;
      let messageChars = 0;
      for (const block of blocks) {
        if (!isRecord(block)) return false;
        if (typeof block.tag !== 'string' || !/^[a-z][a-z0-9]{0,15}$/.test(block.tag)) return false;
        if (typeof block.text !== 'string' || typeof block.hint !== 'string') return false;
        if (block.hint.length > messages.MAX_HINT_CHARS) return false;
        const linkChars = block.link_chars;
        if (typeof linkChars !== 'number' || !Number.isInteger(linkChars) || linkChars < 0) return false;
        if (linkChars > block.text.length) return false;
        const ancestors = block.ancestors;
        if (!Array.isArray(ancestors) || ancestors.length > messages.MAX_ANCESTORS) return false;
        if (!ancestors.every((id) => Number.isInteger(id) && id >= 0 && id <= 0xffffffff)) return false;
        messageChars += block.text.length + block.hint.length;
        if (messageChars > messages.MAX_MESSAGE_CHARS) return false;
      }
      return true;
    },

    /**
     * @param {unknown} message
     * @returns {message is TabResultRequest}
     */
    isTabResultRequest(message) {
      return (
        isRecord(message) &&
        message.type === messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT &&
        isTabId(message.tabId)
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is TabResultChanged}
     */
    isTabResultChanged(message) {
      return (
        isRecord(message) &&
        message.type === messages.BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED &&
        isTabId(message.tabId)
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is ScrollToQuote}
     */
    isScrollToQuote(message) {
      return (
        isRecord(message) &&
        message.type === messages.PANEL_TO_CONTENT_SCROLL_TO_QUOTE &&
        typeof message.quoteId === 'number' &&
        Number.isInteger(message.quoteId) &&
        message.quoteId >= 0
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is AnalyzeNow}
     */
    isAnalyzeNow(message) {
      return isRecord(message) && message.type === messages.PANEL_TO_CONTENT_ANALYZE_NOW;
    },

    /**
     * @param {unknown} message
     * @returns {message is ContentCommand}
     */
    isContentCommand(message) {
      return (
        isRecord(message) &&
        message.type === messages.BACKGROUND_TO_CONTENT_COMMAND &&
        messages.CONTENT_COMMANDS.includes(/** @type {ContentCommandName} */ (message.command))
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is ExportRequest}
     */
    isExportRequest(message) {
      return (
        isRecord(message) &&
        message.type === messages.PANEL_TO_BACKGROUND_EXPORT &&
        isTabId(message.tabId) &&
        typeof message.format === 'string' &&
        Object.hasOwn(messages.EXPORTS, message.format)
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is CheckRequest}
     */
    isCheckRequest(message) {
      return (
        isRecord(message) &&
        message.type === messages.CONTENT_TO_BACKGROUND_CHECK &&
        typeof message.passage === 'string' &&
        message.passage.length <= messages.MAX_PASSAGE_CHARS
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is PanelCheckRequest}
     */
    isPanelCheckRequest(message) {
      return (
        isRecord(message) &&
        message.type === messages.PANEL_TO_BACKGROUND_CHECK &&
        isTabId(message.tabId) &&
        typeof message.passage === 'string' &&
        message.passage.length <= messages.MAX_PASSAGE_CHARS
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is ScrollToText}
     */
    isScrollToText(message) {
      return (
        isRecord(message) &&
        message.type === messages.PANEL_TO_CONTENT_SCROLL_TO_TEXT &&
        Number.isInteger(message.start) &&
        Number.isInteger(message.end) &&
        /** @type {number} */ (message.start) >= 0 &&
        /** @type {number} */ (message.end) > /** @type {number} */ (message.start)
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is ArchiveRequest}
     */
    isArchiveRequest(message) {
      if (!isRecord(message) || message.type !== messages.PANEL_TO_BACKGROUND_ARCHIVE) return false;
      switch (message.action) {
        case 'save':
          return isTabId(message.tabId);
        case 'import':
          return typeof message.jsonl === 'string' && message.jsonl.length <= messages.MAX_IMPORT_CHARS;
        case 'count':
        case 'export':
        case 'clear':
          return true;
        default:
          return false;
      }
    },

    /**
     * @param {unknown} message
     * @returns {message is PaintedReport}
     */
    isPaintedReport(message) {
      return (
        isRecord(message) &&
        message.type === messages.CONTENT_TO_BACKGROUND_PAINTED &&
        typeof message.marks === 'boolean' &&
        Array.isArray(message.unanchored) &&
        message.unanchored.length <= messages.MAX_UNANCHORED &&
        message.unanchored.every((id) => Number.isInteger(id) && id >= 0)
      );
    },
  });
  return messages;
})();

globalThis.QuoteLensMessages = QuoteLensMessages;
