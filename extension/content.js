// Content script: reads the page's text blocks, asks the background (which runs the Wasm
// engine: Chromium refuses to compile Wasm here on pages with a strict CSP) to analyse
// them, and paints the quotations it gets back. Loaded after messages.js and
// article-dom.js, which provide QuoteLensMessages and QuoteLensArticleDom.
//
// It is on a page only where QuoteLens may read it (site-access.js): registered for the
// sites the settings name, or injected when the reader asks (toolbar button, command),
// so it starts reading as soon as it loads (registered, as soon as the page's DOM is
// parsed). Injected twice, the second copy stays idle.
//
// It listens to nothing the page can send: no window "message" listener, only the
// extension's own runtime messages, each checked by messages.js. Page text reaches the
// DOM only through textContent and ranges (article-dom.js).

(() => {
  const world = /** @type {{quoteLensLoaded?: boolean}} */ (globalThis);
  if (world.quoteLensLoaded) return;
  world.quoteLensLoaded = true;
  const Messages = QuoteLensMessages;
  const ArticleDom = QuoteLensArticleDom;

  /** Quiet time after the page's last change before it is read again, and the longest a
   * page that never stops changing waits. */
  const SETTLE_MS = 400;
  const MAX_WAIT_MS = 2500;

  /** @type {ReturnType<typeof ArticleDom.createOverlay> | null} */
  let overlay = null;
  /** @type {{analysis: Analysis, blocks: CollectedBlock[], signature: string, url: string} | null} */
  let current = null;
  /** Marks shown; the toggle command switches them off and on for this tab. */
  let marksOn = true;
  let started = false;
  let busy = false;
  let again = false;
  let dead = false;
  /** @type {MutationObserver | null} */
  let observer = null;
  const visibility = new MutationObserver(onChange);
  let settleTimer = 0;
  let firstChangeAt = 0;

  /** True once the extension was reloaded, updated or removed under this script. */
  const orphaned = () => {
    try {
      return !chrome.runtime?.id;
    } catch {
      return true;
    }
  };

  /** Leaves the page as it was: no mark, no badge, no observer, no timer. */
  function teardown() {
    dead = true;
    world.quoteLensLoaded = false;
    checkPage()?.hide();
    overlay?.destroy();
    overlay = null;
    observer?.disconnect();
    observer = null;
    visibility.disconnect();
    clearTimeout(settleTimer);
    clearInterval(watchdog);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('load', onChange);
  }

  /** @param {CollectedBlock[]} blocks */
  const signatureOf = (blocks) => blocks.map((block) => block.text).join('\n');

  /** Whether two reads of the same text took it from the same places in the same nodes.
   * @param {CollectedBlock[]} a @param {CollectedBlock[]} b */
  const sameNodes = (a, b) =>
    a.length === b.length &&
    a.every((block, i) => {
      const other = b[i].segments;
      return (
        block.segments.length === other.length &&
        block.segments.every((segment, j) => segment.node === other[j].node && segment.offsets.join() === other[j].offsets.join())
      );
    });

  const OBSERVED = { childList: true, subtree: true, characterData: true };
  /** What the page's scripts switch on <html> and <body> to show or hide the article
   * (a "loading" class until its web fonts or its script are ready). */
  const SHOWN = { attributes: true, attributeFilter: ['class', 'style', 'hidden'] };

  function collect() {
    return ArticleDom.collectBlocks(/** @type {HTMLElement} */ (document.body), {
      checkRendering: true,
      maxChars: Messages.MAX_MESSAGE_CHARS,
      maxHintChars: Messages.MAX_HINT_CHARS,
      // Changes inside a shadow root the article uses are changes to the article.
      onShadowRoot: (root) => observer?.observe(root, OBSERVED),
    }).slice(0, Messages.MAX_BLOCKS);
  }

  /** Anchors the current analysis on the current blocks and paints it (or clears the marks
   * when they are switched off), then tells the background which quotes found no place. */
  function paint() {
    if (!current || dead) return;
    const { anchored, unanchored } = ArticleDom.anchorQuotes(current.analysis, current.blocks);
    if (marksOn) {
      overlay ??= ArticleDom.createOverlay(document);
      overlay.paint(anchored, current.analysis);
    } else {
      overlay?.destroy();
      overlay = null;
    }
    /** @type {PaintedReport} */
    const report = {
      type: Messages.CONTENT_TO_BACKGROUND_PAINTED,
      unanchored: unanchored.map((quote) => quote.id),
      marks: marksOn,
    };
    chrome.runtime.sendMessage(report).catch(() => {});
  }

  async function analyze() {
    if (dead || !document.body) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const blocks = collect();
      const signature = signatureOf(blocks);
      const url = location.href;
      if (current && current.signature === signature && current.url === url) {
        // Same text (a re-render, a class change): the analysis still holds; only its
        // anchors move to the new nodes. In the same nodes (the page's styles arriving),
        // the marks stand: a repaint would only close the card the reader is reading.
        if (sameNodes(current.blocks, blocks)) return;
        current = { ...current, blocks };
        paint();
        return;
      }
      if (current && current.url !== url) {
        // A single-page-app navigation: a new article.
        overlay?.destroy();
        overlay = null;
      }
      /** @type {AnalyzeRequest} */
      const request = {
        type: Messages.CONTENT_TO_BACKGROUND_ANALYZE,
        title: document.title.slice(0, Messages.MAX_TITLE_CHARS),
        url: url.slice(0, Messages.MAX_URL_CHARS),
        blocks: blocks.map(({ tag, text, hint, link_chars, ancestors }) => ({ tag, text, hint, link_chars, ancestors })),
      };
      const answer = chrome.runtime.sendMessage(request);
      // The overlay (its shadow root, its style sheet) is built while the engine works.
      if (marksOn) overlay ??= ArticleDom.createOverlay(document);
      /** @type {AnalyzeResponse | undefined} */
      const response = await answer;
      if (dead || !response) return;
      if (!response.ok) {
        console.warn(`QuoteLens could not analyse this page: ${response.error}`);
        return;
      }
      // The page may have changed while the engine worked: then the analysis is of the
      // text that was sent, and the next round (queued by the observer) reads the new one.
      current = { analysis: response.analysis, blocks, signature, url };
      paint();
    } finally {
      busy = false;
      if (again && !dead) {
        again = false;
        scheduleAnalysis();
      }
    }
  }

  function run() {
    analyze().catch((error) => {
      if (orphaned()) teardown();
      else console.warn('QuoteLens:', error);
    });
  }

  function scheduleAnalysis() {
    const now = Date.now();
    if (!settleTimer) firstChangeAt = now;
    clearTimeout(settleTimer);
    const wait = Math.max(0, Math.min(SETTLE_MS, firstChangeAt + MAX_WAIT_MS - now));
    settleTimer = window.setTimeout(() => {
      settleTimer = 0;
      run();
    }, wait);
  }

  function onChange() {
    if (orphaned()) {
      teardown();
      return;
    }
    scheduleAnalysis();
  }

  /** Starts reading the page and following its changes. */
  function start() {
    if (started || dead) return;
    started = true;
    if (!document.body) return;
    // Our overlay hangs off <html>, outside <body>: its own changes are never observed.
    observer = new MutationObserver(onChange);
    observer.observe(document.body, OBSERVED);
    // Only what renders is read, and the first read comes as soon as the DOM is parsed,
    // often before the page's stylesheets have loaded: Firefox has then laid out nothing
    // (every element reads as unrendered), and a sheet still to come may show what the
    // page hid meanwhile. Neither changes the DOM, so the page is read again once loaded,
    // and when a class on <html> or <body> changes (same text: only the anchors move).
    for (const element of [document.documentElement, document.body]) visibility.observe(element, SHOWN);
    if (document.readyState !== 'complete') window.addEventListener('load', onChange, { once: true });
    window.addEventListener('popstate', onChange);
    run();
  }

  /** Waits (bounded) until the page has been read. */
  async function analysed() {
    for (let waited = 0; !current && !dead && waited < 20000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return current;
  }

  /**
   * The "Check quote" card's code (check-card.js, check-page.js), loaded into this
   * isolated world on first use rather than on every page: most readers never check a
   * quote, and every page pays for what the content script declares.
   * @returns {typeof QuoteLensCheckPage | undefined}
   */
  function checkPage() {
    return /** @type {any} */ (globalThis).QuoteLensCheckPage;
  }

  /** @returns {Promise<typeof QuoteLensCheckPage>} */
  async function loadCheckPage() {
    if (!checkPage()) {
      await import(chrome.runtime.getURL('check-card.js'));
      await import(chrome.runtime.getURL('check-page.js'));
    }
    const page = checkPage();
    if (!page) throw new Error('QuoteLens: the check card did not load');
    return page;
  }

  /** "Check quote": the selected passage against the page and the archive, in a card. */
  async function checkSelection() {
    const selection = window.getSelection();
    const passage = selection?.toString().trim() ?? '';
    if (!selection || !passage || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0).cloneRange();
    await analysed();
    if (dead) return;
    /** @type {CheckRequest} */
    const request = { type: Messages.CONTENT_TO_BACKGROUND_CHECK, passage: passage.slice(0, Messages.MAX_PASSAGE_CHARS) };
    /** @type {CheckResponse | undefined} */
    const response = await chrome.runtime.sendMessage(request);
    if (!response || dead) return;
    (await loadCheckPage()).show(response, range, current);
  }

  /** @param {1 | -1} direction */
  function jump(direction) {
    const quote = overlay?.neighbour(direction);
    if (quote) overlay?.scrollToQuote(quote.id);
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || dead) return false;
    if (Messages.isScrollToText(message)) {
      // The card's code is loaded on first use; answer once it is there.
      loadCheckPage()
        .then((page) => sendResponse({ ok: page.scrollTo(current, message.start, message.end) }))
        .catch(() => sendResponse({ ok: false }));
      return true;
    } else if (Messages.isScrollToQuote(message)) {
      sendResponse({ ok: overlay?.scrollToQuote(message.quoteId) ?? false });
    } else if (Messages.isAnalyzeNow(message)) {
      run();
      sendResponse({ ok: true });
    } else if (Messages.isContentCommand(message)) {
      if (message.command === 'toggle-marks') {
        marksOn = !marksOn;
        paint();
      } else if (message.command === 'next-quote') {
        jump(1);
      } else if (message.command === 'previous-quote') {
        jump(-1);
      } else if (message.command === 'check-quote') {
        checkSelection().catch((error) => console.warn('QuoteLens:', error));
      }
      sendResponse({ ok: true, marks: marksOn });
    }
    return false;
  });

  // A reloaded or removed extension leaves this script orphaned; it then cleans up after
  // itself instead of leaving stale badges that lead nowhere. A property read a second,
  // without waking the background.
  const watchdog = window.setInterval(() => {
    if (orphaned()) teardown();
  }, 1000);

  // Registered to run at document_start (site-access.js): Chromium injects document_end
  // scripts 10-25 ms after DOMContentLoaded on a large page; waiting here starts the read
  // as soon as the article is parsed, in a task of its own after the page's listeners,
  // ahead of the page's queued tasks where the browser can (the reader waits for it).
  if (document.readyState === 'loading') {
    /** @type {{postTask?: (task: () => void, options: {priority: string}) => Promise<void>} | undefined} */
    const scheduler = /** @type {any} */ (globalThis).scheduler;
    const soon = () => (scheduler?.postTask ? scheduler.postTask(start, { priority: 'user-blocking' }) : setTimeout(start));
    document.addEventListener('DOMContentLoaded', soon, { once: true });
  } else {
    start();
  }
})();
