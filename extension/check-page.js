// "Check quote" on the page: the card beside the reader's selection (a shadow root hung
// off <html>, outside the article, so the block reader never sees it) and scrolling to a
// stretch of the analysed text. Loaded as a content script before content.js, after
// article-dom.js and check-card.js. Page text reaches the DOM only as text.

/**
 * @typedef {{analysis: Analysis, blocks: CollectedBlock[]}} PageState
 */

var QuoteLensCheckPage = (() => {
  const ArticleDom = QuoteLensArticleDom;
  const CheckCard = QuoteLensCheckCard;
  const HOST_CSS = `
    :host { all: initial; }
    .panel { position: absolute; box-sizing: border-box; width: min(26rem, 92vw); max-height: 70vh; overflow: auto;
      padding: 10px 12px; border-radius: 8px; background: #FFFFFF; border: 1px solid #8A8A8A;
      box-shadow: 0 6px 20px rgba(0, 0, 0, .28); pointer-events: auto; }
    .bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px;
      font: 600 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1A1A1A; }
    .close { font: inherit; border: 1px solid #8A8A8A; border-radius: 4px; background: #FFFFFF; color: #1A1A1A; cursor: pointer; }
    .close:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid #1A1A1A; outline-offset: 1px; }
    .error { font: 14px/1.4 system-ui, sans-serif; color: #B00020; }
  ` + CheckCard.CARD_CSS;

  /** @type {HTMLElement | null} */
  let host = null;
  let flashTimer = 0;

  /**
   * A live DOM range over a stretch of the analysed text, or null when the page moved on.
   * @param {PageState} state @param {number} start @param {number} end
   */
  function rangeOf(state, start, end) {
    const ranges = [...state.analysis.blocks].sort((a, b) => a.start - b.start);
    const from = ArticleDom.domPosition(state.blocks, ranges, start, false);
    const to = ArticleDom.domPosition(state.blocks, ranges, end, true);
    if (!from || !to) return null;
    const range = document.createRange();
    try {
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
    } catch {
      return null;
    }
    return range;
  }

  /** Scrolls to a stretch of the analysed text and flashes it.
   * @param {PageState | null} state @param {number} start @param {number} end */
  function scrollTo(state, start, end) {
    const range = state && rangeOf(state, start, end);
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function') {
      CSS.highlights.set('quotelens-flash', new Highlight(range));
      clearTimeout(flashTimer);
      flashTimer = window.setTimeout(() => CSS.highlights.delete('quotelens-flash'), 1600);
    }
    return true;
  }

  function hide() {
    host?.remove();
    host = null;
    document.removeEventListener('keydown', onKey, true);
  }

  /** @param {KeyboardEvent} event */
  function onKey(event) {
    if (event.key === 'Escape') hide();
  }

  /** Whether two ranges share some text. @param {Range} a @param {Range} b */
  function intersects(a, b) {
    try {
      return a.compareBoundaryPoints(Range.END_TO_START, b) < 0 && a.compareBoundaryPoints(Range.START_TO_END, b) > 0;
    } catch {
      return false;
    }
  }

  /**
   * Shows the card for a check beside the selection it was made on.
   * @param {CheckResponse} response
   * @param {Range | null} selection
   * @param {PageState | null} state
   */
  function show(response, selection, state) {
    hide();
    host = document.createElement('div');
    host.setAttribute('data-quotelens-overlay', '');
    host.setAttribute('data-quotelens-check', '');
    host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; z-index: 2147483647;';
    const root = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(HOST_CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = HOST_CSS;
      root.append(style);
    }
    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'QuoteLens: check quote');
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.append('QuoteLens · Check quote');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = 'Close';
    close.addEventListener('click', hide);
    bar.append(close);
    panel.append(bar);
    if (!response.ok) {
      const error = document.createElement('p');
      error.className = 'error';
      error.textContent = response.error;
      panel.append(error);
    } else {
      // Which appearance is the selection itself: the card then says what the selected
      // words are, and lists the others as "elsewhere".
      let here = null;
      if (selection && state) {
        const index = response.result.appearances.findIndex((a) => {
          const range = rangeOf(state, a.start, a.end);
          return range !== null && intersects(range, selection);
        });
        here = index >= 0 ? index : null;
      }
      panel.append(
        CheckCard.render(document, response.result, {
          here,
          archive: response.archive,
          onJump: (a) => scrollTo(state, a.start, a.end),
        }),
      );
    }
    root.append(panel);
    const rect = selection?.getBoundingClientRect();
    const top = (rect && rect.height ? rect.bottom : 80) + window.scrollY + 8;
    const left = Math.max(8, Math.min((rect?.left ?? 40) + window.scrollX, window.scrollX + document.documentElement.clientWidth - 430));
    panel.style.top = `${top}px`;
    panel.style.left = `${left}px`;
    document.documentElement.append(host);
    document.addEventListener('keydown', onKey, true);
    close.focus({ preventScroll: true });
  }

  return Object.freeze({ show, hide, scrollTo });
})();

globalThis.QuoteLensCheckPage = QuoteLensCheckPage;
