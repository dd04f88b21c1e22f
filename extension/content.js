// Content script: reads the page's text blocks, asks the background (which runs the Wasm
// engine: Chromium refuses to compile Wasm here on pages with a strict CSP) to analyse
// them, and paints the quotations it gets back. Loaded after messages.js and
// article-dom.js, which provide QuoteLensMessages and QuoteLensArticleDom.

(() => {
  const Messages = QuoteLensMessages;
  const ArticleDom = QuoteLensArticleDom;

  /** @type {ReturnType<typeof ArticleDom.createOverlay> | null} */
  let overlay = null;

  async function analyzePage() {
    if (!document.body) return;
    const blocks = ArticleDom.collectBlocks(document.body, {
      checkRendering: true,
      maxChars: Messages.MAX_MESSAGE_CHARS,
      maxHintChars: Messages.MAX_HINT_CHARS,
    }).slice(0, Messages.MAX_BLOCKS);
    if (blocks.length === 0) return;
    // The engine picks the article among all the page's blocks (the same selection as the
    // CLI's HTML path) and answers with the range of each picked block in its text.
    /** @type {AnalyzeRequest} */
    const request = {
      type: Messages.CONTENT_TO_BACKGROUND_ANALYZE,
      title: document.title.slice(0, Messages.MAX_TITLE_CHARS),
      blocks: blocks.map(({ tag, text, hint, link_chars, ancestors }) => ({ tag, text, hint, link_chars, ancestors })),
    };
    /** @type {{ok: true, analysis: Analysis} | {ok: false, error: string} | undefined} */
    const response = await chrome.runtime.sendMessage(request);
    if (!response) return;
    if (!response.ok) {
      console.warn(`QuoteLens could not analyse this page: ${response.error}`);
      return;
    }
    const { anchored } = ArticleDom.anchorQuotes(response.analysis, blocks);
    overlay ??= ArticleDom.createOverlay(document);
    overlay.paint(anchored, response.analysis.speakers);
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id) return false;
    if (Messages.isScrollToQuote(message)) {
      sendResponse({ ok: overlay?.scrollToQuote(message.quoteId) ?? false });
    }
    return false;
  });

  analyzePage().catch((error) => {
    // A reloaded or removed extension leaves this script orphaned: nothing to paint then.
    if (!String(error?.message).includes('Extension context invalidated')) {
      console.warn('QuoteLens:', error);
    }
  });
})();
