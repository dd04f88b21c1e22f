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
 * @typedef {{node: Text, start: number, offsets: number[]}} NodeSegment
 *   the characters of a block's text taken from one text node: block character
 *   start + k is node.data[offsets[k]]
 * @typedef {{element: Element, tag: string, text: string, hint: string, link_chars: number,
 *   ancestors: number[], segments: NodeSegment[]}} CollectedBlock
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

  // The block model of the Rust engine (src/extract.rs, "Building blocks from the live
  // DOM"), mirrored here so that the extension reads a live page exactly as the CLI reads
  // its HTML: same block-level and skipped elements as src/html.rs, same whitespace
  // collapsing, same hint segments.
  const BLOCK_TAGS = new Set([
    'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
    'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
    'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
    'thead', 'tr', 'ul',
  ]);
  const SKIPPED_TAGS = new Set([
    'head', 'script', 'style', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object',
    'embed', 'canvas', 'select', 'option', 'button', 'textarea', 'input', 'video', 'audio', 'map',
  ]);
  const BLOCK_SELECTOR = [...BLOCK_TAGS].join(',');
  const MAX_HINT_LEVELS = 32;
  const MAX_ANCESTORS = 12;
  const OVERLAY_ATTRIBUTE = 'data-quotelens-overlay';

  /** The engine's whitespace: ASCII whitespace and NBSP, nothing else.
   * @param {number} unit a UTF-16 code unit */
  const isSpace = (unit) =>
    unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d || unit === 0x0c || unit === 0x0b || unit === 0xa0;

  /** @param {Element} element */
  const tagOf = (element) => element.localName.toLowerCase();
  /** @param {Element} element */
  const isBlockElement = (element) => BLOCK_TAGS.has(tagOf(element));

  /** @param {string} value @param {number} maxWords */
  function hintWords(value, maxWords) {
    return value
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, maxWords)
      .map((word) => Array.from(word).slice(0, 64).join('').toLowerCase().replaceAll('|', ''));
  }

  /** "tag class… id [role=…] [itemprop=…]", lowercased: one element's hint segment.
   * @param {Element} element */
  function hintSegment(element) {
    const words = [tagOf(element)];
    for (const name of ['class', 'id']) words.push(...hintWords(element.getAttribute(name) ?? '', 16));
    for (const name of ['role', 'itemprop']) {
      words.push(...hintWords(element.getAttribute(name) ?? '', 4).map((word) => `${name}=${word}`));
    }
    return words.join(' ');
  }

  /** Whether an element and its subtree are left out, as src/html.rs leaves them out.
   * @param {Element} element @param {boolean} checkRendering */
  function isLeftOut(element, checkRendering) {
    if (SKIPPED_TAGS.has(tagOf(element)) || element.hasAttribute(OVERLAY_ATTRIBUTE)) return true;
    if (element.hasAttribute('hidden')) return true;
    if (
      element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true' &&
      !(element.getAttribute('class') ?? '').includes('fallback-image')
    ) {
      return true;
    }
    const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
    // A parsed document that is not displayed (the playground's file import) has no
    // rendering to ask about; a live page does, and hides things through its CSS.
    if (checkRendering && typeof element.checkVisibility === 'function') {
      return !element.checkVisibility({ visibilityProperty: true });
    }
    return false;
  }

  /**
   * The page's text blocks in document order, built by the engine's recipe: a run of text
   * ends at the start or end of a block-level element and at <br>/<hr>; whitespace is
   * collapsed and trimmed. Each block keeps, per text node, the UTF-16 offset in the node
   * of every character it contributed, so engine offsets map back to DOM positions.
   * @param {Element} root
   * @param {{checkRendering?: boolean, maxChars?: number, maxHintChars?: number}} [options]
   *   maxChars bounds the text and hints of all blocks together; a hint longer than
   *   maxHintChars loses its outermost segments
   * @returns {CollectedBlock[]}
   */
  function collectBlocks(root, options = {}) {
    const { checkRendering = false, maxChars = 4_000_000, maxHintChars = 8000 } = options;
    /** @type {CollectedBlock[]} */
    const blocks = [];
    /** @type {Map<Element, {hint: string, ancestors: number[]}>} */
    const chains = new Map();
    /** @type {Map<Element, number>} */
    const elementIds = new Map();
    const idOf = (/** @type {Element} */ element) => {
      let id = elementIds.get(element);
      if (id === undefined) {
        id = elementIds.size + 1;
        elementIds.set(element, id);
      }
      return id;
    };
    const chainOf = (/** @type {Element} */ element) => {
      let chain = chains.get(element);
      if (!chain) {
        const segments = [];
        const ancestors = [];
        let length = 0;
        for (let current = /** @type {Element | null} */ (element); current && segments.length < MAX_HINT_LEVELS; current = current.parentElement) {
          if (tagOf(current) === 'html') continue;
          const segment = hintSegment(current);
          length += segment.length + (segments.length ? 3 : 0);
          if (length > maxHintChars) break;
          segments.push(segment);
          if (ancestors.length < MAX_ANCESTORS) ancestors.push(idOf(current));
        }
        chain = { hint: segments.join(' | '), ancestors };
        chains.set(element, chain);
      }
      return chain;
    };

    /** @type {Element[]} */
    const openBlocks = [];
    for (let current = root.parentElement; current; current = current.parentElement) {
      if (isBlockElement(current)) {
        openBlocks.push(current);
        break;
      }
    }
    let linkDepth = 0;
    let totalChars = 0;
    let text = '';
    let linkChars = 0;
    /** @type {NodeSegment[]} */
    let segments = [];
    /** Where the whitespace run that will become the next space began.
     * @type {{node: Text, index: number} | null} */
    let pendingSpace = null;

    const flush = () => {
      pendingSpace = null;
      if (text) {
        const owner = openBlocks[openBlocks.length - 1] ?? root;
        const { hint, ancestors } = chainOf(owner);
        totalChars += text.length + hint.length;
        if (totalChars <= maxChars) {
          blocks.push({ element: owner, tag: tagOf(owner), text, hint, link_chars: linkChars, ancestors, segments });
        }
      }
      text = '';
      linkChars = 0;
      segments = [];
    };

    /** @param {Text} node @param {number} index @param {string} character */
    const append = (node, index, character) => {
      const last = segments[segments.length - 1];
      if (last && last.node === node && last.start + last.offsets.length === text.length) {
        last.offsets.push(index);
      } else {
        segments.push({ node, start: text.length, offsets: [index] });
      }
      text += character;
    };

    /** @param {Text} node */
    const addText = (node) => {
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        if (isSpace(data.charCodeAt(i))) {
          if (text && !pendingSpace) pendingSpace = { node, index: i };
          continue;
        }
        if (pendingSpace) {
          append(pendingSpace.node, pendingSpace.index, ' ');
          pendingSpace = null;
        }
        append(node, i, data[i]);
        if (linkDepth > 0) linkChars += 1;
      }
    };

    /** @param {Element} element */
    const enter = (element) => {
      const tag = tagOf(element);
      if (tag === 'a') linkDepth += 1;
      if (tag === 'br' || tag === 'hr') flush();
      if (isBlockElement(element)) {
        flush();
        openBlocks.push(element);
      }
    };
    /** @param {Element} element */
    const leave = (element) => {
      if (isBlockElement(element)) {
        flush();
        openBlocks.pop();
      }
      if (tagOf(element) === 'a') linkDepth -= 1;
    };

    // Iterative walk: pages nest thousands of levels deep, the call stack would not.
    enter(root);
    let node = root.firstChild;
    while (node && totalChars + text.length <= maxChars) {
      let descend = false;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = /** @type {Element} */ (node);
        if (!isLeftOut(element, checkRendering)) {
          enter(element);
          if (element.firstChild) descend = true;
          else leave(element);
        }
      } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
        addText(/** @type {Text} */ (node));
      }
      if (descend) {
        node = /** @type {ChildNode} */ (node.firstChild);
        continue;
      }
      while (node !== root && !node.nextSibling) {
        node = /** @type {ParentNode & ChildNode} */ (node.parentNode);
        if (node !== root) leave(/** @type {Element} */ (node));
      }
      node = node === root ? null : node.nextSibling;
    }
    leave(root);
    flush();
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
   * @param {boolean} isEnd an end offset is the position just after its last character
   * @returns {{node: Text, offset: number} | null}
   */
  function domPosition(blocks, ranges, offset, isEnd) {
    const range = findSorted(ranges, (candidate) =>
      isEnd
        ? offset <= candidate.start ? -1 : offset > candidate.end ? 1 : 0
        : offset < candidate.start ? -1 : offset >= candidate.end ? 1 : 0,
    );
    const block = range && blocks[range.index];
    if (!range || !block) return null;
    const character = offset - range.start - (isEnd ? 1 : 0);
    const segment = findSorted(block.segments, (candidate) =>
      character < candidate.start ? -1 : character >= candidate.start + candidate.offsets.length ? 1 : 0,
    );
    if (!segment) return null;
    const nodeOffset = segment.offsets[character - segment.start] + (isEnd ? 1 : 0);
    return nodeOffset <= segment.node.data.length ? { node: segment.node, offset: nodeOffset } : null;
  }

  /**
   * Binary search in a sorted array; compare says whether the wanted item lies before (-1),
   * after (1) or at (0) a candidate.
   * @template T
   * @param {readonly T[]} items
   * @param {(candidate: T) => number} compare
   * @returns {T | null}
   */
  function findSorted(items, compare) {
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const direction = compare(items[middle]);
      if (direction === 0) return items[middle];
      if (direction < 0) high = middle - 1;
      else low = middle + 1;
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
      return element?.closest(BLOCK_SELECTOR) ?? element;
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
