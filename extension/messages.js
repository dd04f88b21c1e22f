// The one list of messages between the extension's contexts, and their shape checks.
//
// A classic script, not a module: MV3 content scripts cannot be modules, so the content
// script loads this file before content.js, the side panel through a <script> tag and the
// module service worker through `import './messages.js'`. In that last case top-level
// declarations stay module-local, hence the explicit globalThis assignment below.

/**
 * @typedef {{tag: string, text: string, hint: string, link_chars: number, ancestors: number[]}} ArticleBlock
 *   one run of page text in the engine's block model (src/extract.rs)
 * @typedef {{type: 'CONTENT_TO_BACKGROUND_ANALYZE', title: string, blocks: ArticleBlock[]}} AnalyzeRequest
 * @typedef {{type: 'PANEL_TO_BACKGROUND_GET_TAB_RESULT', tabId: number}} TabResultRequest
 * @typedef {{type: 'BACKGROUND_TO_PANEL_TAB_RESULT_CHANGED', tabId: number}} TabResultChanged
 * @typedef {{type: 'PANEL_TO_CONTENT_SCROLL_TO_QUOTE', quoteId: number}} ScrollToQuote
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

    // Bounds on what a page may send: far beyond any article, small enough that a hostile
    // page cannot make the service worker build an enormous message or Wasm input.
    MAX_BLOCKS: 20000,
    /** Text and hints of all blocks together. */
    MAX_MESSAGE_CHARS: 4_000_000,
    MAX_HINT_CHARS: 8000,
    MAX_ANCESTORS: 12,
    MAX_TITLE_CHARS: 1000,

    /**
     * @param {unknown} message
     * @returns {message is AnalyzeRequest}
     */
    isAnalyzeRequest(message) {
      if (!isRecord(message) || message.type !== messages.CONTENT_TO_BACKGROUND_ANALYZE) return false;
      if (typeof message.title !== 'string' || message.title.length > messages.MAX_TITLE_CHARS) return false;
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
  });
  return messages;
})();

globalThis.QuoteLensMessages = QuoteLensMessages;
