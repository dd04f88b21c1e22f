// What the background and the extension's own pages (side panel, options) check before
// they act: the shape of every message they receive (the message names and the content
// script's own checks are in messages.js), and the reader's settings as read from storage,
// with the site access each setting needs. Never loaded into web pages.
//
// A classic script, loaded after messages.js: by the side panel and the options page
// through <script> tags, by the module service worker through `import './message-checks.js'`
// (top-level declarations then stay module-local, hence the globalThis assignment below).

var QuoteLensChecks = (() => {
  const Messages = QuoteLensMessages;

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

  const checks = Object.freeze({
    /** The largest JSONL import of the archive. */
    MAX_IMPORT_CHARS: 20_000_000,
    MAX_ANCESTORS: 12,
    MAX_UNANCHORED: 100000,

    /** The engine's export formats (src/export.rs): file name suffix and media type. */
    EXPORTS: Object.freeze({
      citation: { label: 'Citations (Markdown)', suffix: 'citations.md', mime: 'text/markdown' },
      csv: { label: 'Spreadsheet (CSV)', suffix: 'quotes.csv', mime: 'text/csv' },
      webannotation: { label: 'Web Annotations (JSON-LD)', suffix: 'annotations.jsonld', mime: 'application/ld+json' },
      claimreview: { label: 'ClaimReview (JSON-LD)', suffix: 'claimreview.jsonld', mime: 'application/ld+json' },
    }),

    /** Where the reader's settings live in storage.local (the only persistent storage). */
    SETTINGS_KEY: 'settings',
    MAX_SITES: 500,
    /** The manifest's optional_host_permissions: what "every page" asks the browser for. */
    ALL_SITES: Object.freeze(['http://*/*', 'https://*/*']),

    /**
     * The settings in storage, or the defaults for anything missing or malformed. The
     * default is "only when I ask": it needs no access to any site.
     * @param {unknown} value
     * @returns {Settings}
     */
    readSettings(value) {
      const record = isRecord(value) ? value : {};
      const mode = record.mode === 'every' || record.mode === 'sites' ? record.mode : 'click';
      const sites = Array.isArray(record.sites)
        ? record.sites.filter((site) => typeof site === 'string').map(checks.siteOf).filter((site) => site !== null)
        : [];
      return { mode, sites: [...new Set(sites)].slice(0, checks.MAX_SITES) };
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
     * The match patterns of the pages QuoteLens reads without being asked under these
     * settings: the host permissions they need and the content script's registration.
     * A listed site covers its subdomains (`*.` also matches the host itself); an IP
     * address has none. Schemes are spelt out: Chromium's `*://` covers more than the
     * manifest's optional `http://*` and `https://*`, and may not be requested.
     * @param {Settings} settings
     * @returns {string[]}
     */
    patternsOf(settings) {
      if (settings.mode === 'every') return [...checks.ALL_SITES];
      if (settings.mode === 'click') return [];
      return settings.sites.flatMap((site) => {
        const host = /^[\d.]+$/.test(site) ? site : `*.${site}`;
        return [`http://${host}/*`, `https://${host}/*`];
      });
    },

    /**
     * @param {unknown} message
     * @returns {message is AnalyzeRequest}
     */
    isAnalyzeRequest(message) {
      if (!isRecord(message) || message.type !== Messages.CONTENT_TO_BACKGROUND_ANALYZE) return false;
      if (typeof message.title !== 'string' || message.title.length > Messages.MAX_TITLE_CHARS) return false;
      if (typeof message.url !== 'string' || message.url.length > Messages.MAX_URL_CHARS || !/^https?:\/\//.test(message.url)) return false;
      const blocks = message.blocks;
      if (!Array.isArray(blocks) || blocks.length > Messages.MAX_BLOCKS) return false;
      let messageChars = 0;
      for (const block of blocks) {
        if (!isRecord(block)) return false;
        if (typeof block.tag !== 'string' || !/^[a-z][a-z0-9]{0,15}$/.test(block.tag)) return false;
        if (typeof block.text !== 'string' || typeof block.hint !== 'string') return false;
        if (block.hint.length > Messages.MAX_HINT_CHARS) return false;
        const linkChars = block.link_chars;
        if (typeof linkChars !== 'number' || !Number.isInteger(linkChars) || linkChars < 0) return false;
        if (linkChars > block.text.length) return false;
        const ancestors = block.ancestors;
        if (!Array.isArray(ancestors) || ancestors.length > checks.MAX_ANCESTORS) return false;
        if (!ancestors.every((id) => Number.isInteger(id) && id >= 0 && id <= 0xffffffff)) return false;
        messageChars += block.text.length + block.hint.length;
        if (messageChars > Messages.MAX_MESSAGE_CHARS) return false;
      }
      return true;
    },

    /**
     * @param {unknown} message
     * @returns {message is TabResultRequest}
     */
    isTabResultRequest(message) {
      return isRecord(message) && message.type === Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT && isTabId(message.tabId);
    },

    /**
     * @param {unknown} message
     * @returns {message is ReadTabRequest}
     */
    isReadTabRequest(message) {
      return isRecord(message) && message.type === Messages.PANEL_TO_BACKGROUND_READ_TAB && isTabId(message.tabId);
    },

    /**
     * @param {unknown} message
     * @returns {message is TabResultChanged}
     */
    isTabResultChanged(message) {
      return isRecord(message) && message.type === Messages.BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED && isTabId(message.tabId);
    },

    /**
     * @param {unknown} message
     * @returns {message is ExportRequest}
     */
    isExportRequest(message) {
      return (
        isRecord(message) &&
        message.type === Messages.PANEL_TO_BACKGROUND_EXPORT &&
        isTabId(message.tabId) &&
        typeof message.format === 'string' &&
        Object.hasOwn(checks.EXPORTS, message.format)
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is CheckRequest}
     */
    isCheckRequest(message) {
      return (
        isRecord(message) &&
        message.type === Messages.CONTENT_TO_BACKGROUND_CHECK &&
        typeof message.passage === 'string' &&
        message.passage.length <= Messages.MAX_PASSAGE_CHARS
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is PanelCheckRequest}
     */
    isPanelCheckRequest(message) {
      return (
        isRecord(message) &&
        message.type === Messages.PANEL_TO_BACKGROUND_CHECK &&
        isTabId(message.tabId) &&
        typeof message.passage === 'string' &&
        message.passage.length <= Messages.MAX_PASSAGE_CHARS
      );
    },

    /**
     * @param {unknown} message
     * @returns {message is ArchiveRequest}
     */
    isArchiveRequest(message) {
      if (!isRecord(message) || message.type !== Messages.PANEL_TO_BACKGROUND_ARCHIVE) return false;
      switch (message.action) {
        case 'save':
          return isTabId(message.tabId);
        case 'import':
          return typeof message.jsonl === 'string' && message.jsonl.length <= checks.MAX_IMPORT_CHARS;
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
        message.type === Messages.CONTENT_TO_BACKGROUND_PAINTED &&
        typeof message.marks === 'boolean' &&
        Array.isArray(message.unanchored) &&
        message.unanchored.length <= checks.MAX_UNANCHORED &&
        message.unanchored.every((id) => Number.isInteger(id) && id >= 0)
      );
    },
  });
  return checks;
})();

globalThis.QuoteLensChecks = QuoteLensChecks;
