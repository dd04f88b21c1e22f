// Reads an article's text blocks out of a DOM and paints the engine's quotations back onto
// it: marks through the CSS Custom Highlight API (the page's DOM is never rewritten) and
// speaker badges inside a closed shadow root. Shared by the content script and the
// playground (build.sh copies it to www/pkg), so both show exactly the same thing.
//
// A classic script (MV3 content scripts cannot be modules) publishing one global.
// Page text only ever reaches the DOM through textContent and ranges, never as HTML.

/**
 * @typedef {{start: number, end: number, text: string}} TextSpan
 * @typedef {{id: number, start: number, end: number, text: string,
 *   kind: 'direct' | 'partial' | 'indirect' | 'scare', speaker: string | null,
 *   speaker_id: number | null, speaker_mention: TextSpan | null, cue: TextSpan | null,
 *   confidence: number, group: number, paragraph: number}} Quote
 * @typedef {{id: number, name: string, short_name: string, role: string | null,
 *   kind: 'person' | 'organization' | 'unnamed', mentions: TextSpan[], quote_count: number}} Speaker
 * @typedef {{id: number, claimant: string | null, claimant_id: number | null, start: number,
 *   end: number, text: string, claim: string, appearances: TextSpan[], cue: TextSpan | null,
 *   type: string, check_worthiness: number, reasons: string[], stance: string,
 *   quote_id: number | null}} Claim
 * @typedef {{index: number, start: number, end: number}} BlockRange
 * @typedef {{offsets: 'utf16', text?: string, blocks: BlockRange[], quotes: Quote[],
 *   speakers: Speaker[], claims: Claim[]}} Analysis
 * @typedef {{node: Text, start: number}} NodeOffset
 * @typedef {{element: Element, tag: string, text: string, hint: string, link_chars: number,
 *   nodes: NodeOffset[]}} CollectedBlock
 * @typedef {{quote: Quote, range: Range}} AnchoredQuote
 * @typedef {{background: string, ink: string}} SpeakerColour
 */

var QuoteLensArticleDom = (() => {
  // Okabe-Ito: distinguishable with the common colour-vision deficiencies. Colour is never
  // the only cue: every badge also carries the speaker's name. `ink` is the badge text
  // colour with at least 4.5:1 contrast. content.css repeats these for ::highlight() rules
  // (a node test keeps the two in step).
  /** @type {readonly SpeakerColour[]} */
  const SPEAKER_COLOURS = Object.freeze([
    { background: '#E69F00', ink: '#000000' },
    { background: '#56B4E9', ink: '#000000' },
    { background: '#009E73', ink: '#000000' },
    { background: '#F0E442', ink: '#000000' },
    { background: '#0072B2', ink: '#FFFFFF' },
    { background: '#D55E00', ink: '#000000' },
    { background: '#CC79A7', ink: '#000000' },
    { background: '#000000', ink: '#FFFFFF' },
  ]);
  /** @type {SpeakerColour} */
  const UNATTRIBUTED_COLOUR = Object.freeze({ background: '#6B6B6B', ink: '#FFFFFF' });

  // The elements whose text forms a paragraph-like block of an article. Text directly
  // inside any other element belongs to its nearest ancestor from this list.
  const BLOCK_TAGS = new Set([
    'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE',
    'DD', 'DT', 'TD', 'TH', 'CAPTION', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE',
    'HEADER', 'FOOTER', 'NAV', 'FORM', 'TABLE', 'UL', 'OL', 'DL', 'FIGURE', 'BODY',
  ]);
  const NEVER_TEXT = new Set([
    'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON',
    'svg', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO',
  ]);
  const HINT_DEPTH = 8;
  const OVERLAY_ATTRIBUTE = 'data-quotelens-overlay';

  /** The engine reads one line per block, so line breaks inside a block become spaces,
   * one for one, which keeps every offset valid for the DOM text nodes.
   * @param {string} text */
  function flattenLineBreaks(text) {
    return text.replace(/[\n\r\t\f\v\u2028\u2029]/g, ' ');
  }

  /** Class and id of an element and its ancestors: the words Readability-style scoring reads.
   * @param {Element} element */
  function hintOf(element) {
    const words = [];
    let current = /** @type {Element | null} */ (element);
    for (let depth = 0; current && depth < HINT_DEPTH; depth++, current = current.parentElement) {
      const className = current.getAttribute('class');
      if (className) words.push(className.trim());
      if (current.id) words.push(current.id);
    }
    return words.join(' ').replace(/\s+/g, ' ').slice(0, 2000);
  }

  /** @param {Element} element */
  function nearestBlock(element) {
    let current = /** @type {Element | null} */ (element);
    while (current && !BLOCK_TAGS.has(current.tagName.toUpperCase())) current = current.parentElement;
    return current;
  }

  /**
   * The article's candidate blocks in document order: each a run of text nodes sharing
   * their nearest block ancestor, with the UTF-16 offset of every node in the block text.
   * @param {Element} root
   * @param {{skipHidden?: boolean, maxChars?: number}} [options]
   * @returns {CollectedBlock[]}
   */
  function collectBlocks(root, options = {}) {
    const { skipHidden = false, maxChars = 4_000_000 } = options;
    const doc = root.ownerDocument;
    /** @type {Map<Element, boolean>} */
    const visibility = new Map();
    const isVisible = (/** @type {Element} */ element) => {
      let visible = visibility.get(element);
      if (visible === undefined) {
        visible = typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
        visibility.set(element, visible);
      }
      return visible;
    };
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const element = /** @type {Element} */ (node);
        if (NEVER_TEXT.has(element.tagName) || NEVER_TEXT.has(element.tagName.toUpperCase())) {
          return NodeFilter.FILTER_REJECT;
        }
        if (element.hasAttribute(OVERLAY_ATTRIBUTE)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });

    /** @type {CollectedBlock[]} */
    const blocks = [];
    /** @type {CollectedBlock | null} */
    let current = null;
    let totalChars = 0;
    const finish = () => {
      if (current && current.text.trim()) blocks.push(current);
      current = null;
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const textNode = /** @type {Text} */ (node);
      const parent = textNode.parentElement;
      if (!parent) continue;
      const element = nearestBlock(parent) ?? root;
      if (skipHidden && !isVisible(parent)) continue;
      if (!current || current.element !== element) {
        finish();
        current = {
          element,
          tag: element.tagName.toLowerCase(),
          text: '',
          hint: hintOf(element),
          link_chars: 0,
          nodes: [],
        };
      }
      const data = flattenLineBreaks(textNode.data);
      if (totalChars + data.length > maxChars) break;
      current.nodes.push({ node: textNode, start: current.text.length });
      current.text += data;
      totalChars += data.length;
      if (parent.closest('a') && element.contains(parent.closest('a'))) current.link_chars += data.length;
    }
    finish();
    return blocks;
  }

  /** The plain-text form of blocks that the engine's analyze(text) reads, with each
   * block's range in it: blocks joined by "\n", the same rule as analyze_blocks.
   * @param {{text: string}[]} blocks
   * @returns {{text: string, ranges: BlockRange[]}} */
  function joinBlocks(blocks) {
    let text = '';
    /** @type {BlockRange[]} */
    const ranges = [];
    blocks.forEach((block, index) => {
      if (index > 0) text += '\n';
      ranges.push({ index, start: text.length, end: text.length + block.text.length });
      text += block.text;
    });
    return { text, ranges };
  }

  /**
   * The DOM position of an offset into the analysed text, or null when the engine's
   * block ranges and the collected blocks disagree.
   * @param {CollectedBlock[]} blocks
   * @param {BlockRange[]} ranges sorted by start
   * @param {number} offset
   * @param {boolean} isEnd an end offset may sit just after a block's last character
   * @returns {{node: Text, offset: number} | null}
   */
  function domPosition(blocks, ranges, offset, isEnd) {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = ranges[middle];
      if (offset < range.start || (isEnd && offset === range.start && range.start !== range.end)) {
        high = middle - 1;
      } else if (offset > range.end || (!isEnd && offset === range.end)) {
        low = middle + 1;
      } else {
        const block = blocks[range.index];
        if (!block) return null;
        const local = offset - range.start;
        const nodes = block.nodes;
        for (let i = nodes.length - 1; i >= 0; i--) {
          const entry = nodes[i];
          const inside = isEnd ? entry.start < local : entry.start <= local;
          if (inside || i === 0) {
            const nodeOffset = local - entry.start;
            if (nodeOffset < 0 || nodeOffset > entry.node.data.length) return null;
            return { node: entry.node, offset: nodeOffset };
          }
        }
        return null;
      }
    }
    return null;
  }

  /** @param {string} text */
  const comparable = (text) => text.replace(/\s+/g, ' ').trim();

  /**
   * Turns each quotation of an analysis into a live DOM Range over the collected blocks.
   * A quote whose range no longer reads as its text (the page changed since it was read)
   * is returned apart rather than painted in the wrong place.
   * @param {Analysis} analysis
   * @param {CollectedBlock[]} blocks
   * @returns {{anchored: AnchoredQuote[], unanchored: Quote[]}}
   */
  function anchorQuotes(analysis, blocks) {
    const ranges = [...analysis.blocks].sort((a, b) => a.start - b.start);
    /** @type {AnchoredQuote[]} */
    const anchored = [];
    /** @type {Quote[]} */
    const unanchored = [];
    for (const quote of analysis.quotes) {
      const start = domPosition(blocks, ranges, quote.start, false);
      const end = domPosition(blocks, ranges, quote.end, true);
      if (!start || !end || quote.end <= quote.start) {
        unanchored.push(quote);
        continue;
      }
      const range = start.node.ownerDocument.createRange();
      try {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      } catch {
        unanchored.push(quote);
        continue;
      }
      if (comparable(range.toString()) !== comparable(quote.text) && !quote.text.includes('\n')) {
        unanchored.push(quote);
        continue;
      }
      anchored.push({ quote, range });
    }
    return { anchored, unanchored };
  }

  /** @param {number | null} speakerId */
  function speakerColour(speakerId) {
    return speakerId === null ? UNATTRIBUTED_COLOUR : SPEAKER_COLOURS[speakerId % SPEAKER_COLOURS.length];
  }

  /** The highlight name content.css and the playground style for a quote: one per palette
   * slot, indirect speech underlined rather than filled.
   * @param {Quote} quote */
  function highlightName(quote) {
    const slot = quote.speaker_id === null ? 'unattributed' : `s${quote.speaker_id % SPEAKER_COLOURS.length}`;
    return quote.kind === 'indirect' ? `quotelens-indirect-${slot}` : `quotelens-${slot}`;
  }

  /** Scare quotes are words held at arm's length, not speech: no mark, no badge.
   * @param {Quote} quote */
  const isSpeech = (quote) => quote.kind !== 'scare';

  /** @param {Quote} quote @param {Speaker | undefined} speaker */
  function badgeLabel(quote, speaker) {
    return speaker ? speaker.short_name || speaker.name : 'Unattributed';
  }

  /** @param {Quote} quote @param {Speaker | undefined} speaker */
  function badgeDescription(quote, speaker) {
    const who = speaker ? speaker.name + (speaker.role ? `, ${speaker.role}` : '') : 'speaker not found';
    const cue = quote.cue ? ` (cue: “${quote.cue.text}”)` : '';
    return `${quote.kind} quote by ${who}${cue}; confidence ${Math.round(quote.confidence * 100)}%`;
  }

  const BADGE_GAP = 6;
  const BADGE_CSS = `
    :host { all: initial; }
    .badge {
      position: absolute; box-sizing: border-box; max-width: 14em; overflow: hidden;
      text-overflow: ellipsis; white-space: nowrap; margin: 0; border: 0;
      padding: 1px 7px; border-radius: 9px; pointer-events: auto; cursor: pointer;
      font: 600 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      box-shadow: 0 1px 2px rgba(0, 0, 0, .35);
    }
    .badge.unattributed { border: 1px dashed #FFFFFF; }
    .badge:focus-visible { outline: 3px solid #1A1A1A; outline-offset: 1px; }
    .box { position: absolute; pointer-events: none; opacity: .35; }
  `;

  /**
   * Paints quotations onto a document: highlights plus badges in a shadow-DOM layer that
   * sits above the page, takes no layout space and covers no text (badges go in the
   * margin beside the quote's first line, or above it when there is no margin).
   * @param {Document} doc
   * @param {{onBadgeClick?: (quote: Quote) => void}} [options]
   */
  function createOverlay(doc, options = {}) {
    const view = /** @type {Window} */ (doc.defaultView);
    const host = doc.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, '');
    host.style.cssText =
      'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; z-index: 2147483646; pointer-events: none;';
    // Open, so tests and assistive tools can read the badges; they hold nothing the page
    // does not already show.
    const root = host.attachShadow({ mode: 'open' });
    const layer = doc.createElement('div');
    root.append(layer);
    // A constructed sheet is exempt from the page's style-src CSP, which would block a
    // <style> element; the element remains for browsers that refuse adopting it here.
    try {
      const sheet = new (/** @type {typeof CSSStyleSheet} */ (/** @type {any} */ (view).CSSStyleSheet))();
      sheet.replaceSync(BADGE_CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = doc.createElement('style');
      style.textContent = BADGE_CSS;
      root.prepend(style);
    }
    const highlightsSupported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
    /** @type {Set<string>} */
    const highlightNames = new Set();
    /** @type {{anchored: AnchoredQuote[], speakers: Speaker[]}} */
    let painted = { anchored: [], speakers: [] };
    let frame = 0;

    const schedule = () => {
      if (frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        layout();
      });
    };
    const resizeObserver = new ResizeObserver(schedule);

    function clearHighlights() {
      if (!highlightsSupported) return;
      for (const name of highlightNames) CSS.highlights.delete(name);
      highlightNames.clear();
    }

    /** @param {string} name @param {Range[]} ranges */
    function setHighlight(name, ranges) {
      if (!highlightsSupported) return;
      CSS.highlights.set(name, new Highlight(...ranges));
      highlightNames.add(name);
    }

    /** @param {Range} range */
    function blockOf(range) {
      const container = range.startContainer;
      const element = container.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (container) : container.parentElement;
      return element ? nearestBlock(element) ?? element : null;
    }

    function layout() {
      layer.replaceChildren();
      const origin = host.getBoundingClientRect();
      const viewportWidth = doc.documentElement.clientWidth;
      /** @type {{top: number, bottom: number, side: string}[]} */
      const taken = [];
      for (const { quote, range } of painted.anchored) {
        if (!isSpeech(quote)) continue;
        const lines = range.getClientRects();
        if (lines.length === 0) continue;
        const speaker = quote.speaker_id === null ? undefined : painted.speakers[quote.speaker_id];
        const colour = speakerColour(quote.speaker_id);

        if (!highlightsSupported) {
          for (const line of lines) {
            const box = doc.createElement('div');
            box.className = 'box';
            box.style.cssText = `left:${line.left - origin.left}px;top:${line.top - origin.top}px;width:${line.width}px;height:${line.height}px;background:${colour.background}`;
            layer.append(box);
          }
        }

        const badge = doc.createElement('button');
        badge.type = 'button';
        badge.className = speaker ? 'badge' : 'badge unattributed';
        badge.dataset.quoteId = String(quote.id);
        badge.textContent = badgeLabel(quote, speaker);
        badge.title = badgeDescription(quote, speaker);
        badge.setAttribute('aria-label', `Quote by ${speaker ? speaker.name : 'an unattributed speaker'}: ${badge.title}`);
        badge.style.background = colour.background;
        badge.style.color = colour.ink;
        badge.addEventListener('click', () => options.onBadgeClick?.(quote));
        layer.append(badge);

        const first = lines[0];
        const block = blockOf(range)?.getBoundingClientRect() ?? first;
        const width = badge.offsetWidth;
        const height = badge.offsetHeight;
        let left;
        let top = first.top + (first.height - height) / 2;
        let side;
        if (block.left - width - BADGE_GAP * 2 >= 0) {
          side = 'left';
          left = block.left - width - BADGE_GAP;
        } else if (block.right + width + BADGE_GAP * 2 <= viewportWidth) {
          side = 'right';
          left = block.right + BADGE_GAP;
        } else {
          side = 'above';
          left = Math.max(first.left, 0);
          top = first.top - height - 1;
        }
        // Quotes on the same line would stack their margin badges on one another.
        for (const other of taken) {
          if (other.side === side && top < other.bottom + 2 && top + height > other.top - 2) top = other.bottom + 2;
        }
        taken.push({ top, bottom: top + height, side });
        badge.style.left = `${left - origin.left}px`;
        badge.style.top = `${top - origin.top}px`;
      }
    }

    return {
      /**
       * @param {AnchoredQuote[]} anchored
       * @param {Speaker[]} speakers
       */
      paint(anchored, speakers) {
        clearHighlights();
        painted = { anchored, speakers };
        /** @type {Map<string, Range[]>} */
        const byName = new Map();
        for (const { quote, range } of anchored) {
          if (!isSpeech(quote)) continue;
          const name = highlightName(quote);
          byName.set(name, [...(byName.get(name) ?? []), range]);
        }
        for (const [name, ranges] of byName) setHighlight(name, ranges);
        if (!host.isConnected) {
          doc.documentElement.append(host);
          view.addEventListener('resize', schedule);
          resizeObserver.observe(doc.documentElement);
          if (doc.body) resizeObserver.observe(doc.body);
        }
        layout();
      },

      /** Scrolls a quote into view and flashes it. @param {number} quoteId */
      scrollToQuote(quoteId) {
        const found = painted.anchored.find(({ quote }) => quote.id === quoteId);
        if (!found) return false;
        const target = blockOf(found.range);
        target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        setHighlight('quotelens-flash', [found.range]);
        view.setTimeout(() => {
          if (highlightsSupported) CSS.highlights.delete('quotelens-flash');
          highlightNames.delete('quotelens-flash');
        }, 1600);
        const badge = layer.querySelector(`[data-quote-id="${quoteId}"]`);
        if (badge instanceof HTMLElement) badge.focus({ preventScroll: true });
        return true;
      },

      /** Removes every mark and badge: the page is as it was. */
      destroy() {
        clearHighlights();
        resizeObserver.disconnect();
        view.removeEventListener('resize', schedule);
        if (frame) view.cancelAnimationFrame(frame);
        host.remove();
        painted = { anchored: [], speakers: [] };
      },
    };
  }

  return Object.freeze({
    SPEAKER_COLOURS,
    UNATTRIBUTED_COLOUR,
    collectBlocks,
    joinBlocks,
    anchorQuotes,
    createOverlay,
    speakerColour,
    highlightName,
    isSpeech,
    badgeLabel,
    badgeDescription,
  });
})();

globalThis.QuoteLensArticleDom = QuoteLensArticleDom;
