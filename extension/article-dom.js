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

  /** @param {Element} element */
  const tagOf = (element) => element.localName.toLowerCase();
  /** @param {Element} element */
  const isBlockElement = (element) => BLOCK_TAGS.has(tagOf(element));

  /** @param {string} value @param {number} maxWords */
  function hintWords(value, maxWords) {
    if (!value) return [];
    return value
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, maxWords)
      .map((word) => (word.length > 64 ? Array.from(word).slice(0, 64).join('') : word).toLowerCase().replaceAll('|', ''));
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

  const RENDERED = { visibilityProperty: true };

  /** Whether an element and its subtree are left out, as src/html.rs leaves them out.
   * @param {Element} element @param {string} tag @param {boolean} checkRendering */
  function isLeftOut(element, tag, checkRendering) {
    if (SKIPPED_TAGS.has(tag) || element.hasAttribute(OVERLAY_ATTRIBUTE)) return true;
    if (element.hasAttribute('hidden')) return true;
    if (
      element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true' &&
      !(element.getAttribute('class') ?? '').includes('fallback-image')
    ) {
      return true;
    }
    const style = element.getAttribute('style')?.replace(/\s+/g, '').toLowerCase();
    if (style && (style.includes('display:none') || style.includes('visibility:hidden'))) return true;
    // A parsed document that is not displayed (the playground's file import) has no
    // rendering to ask about; a live page does, and hides things through its CSS.
    // An element without a box of its own (display: contents, as every <slot>) shows its
    // children all the same.
    if (checkRendering && typeof element.checkVisibility === 'function') {
      return !element.checkVisibility(RENDERED) && getComputedStyle(element).display !== 'contents';
    }
    return false;
  }

  /**
   * The page's text blocks in document order, built by the engine's recipe: a run of text
   * ends at the start or end of a block-level element and at <br>/<hr>; whitespace is
   * collapsed and trimmed. Each block keeps, per text node, the UTF-16 offset in the node
   * of every character it contributed, so engine offsets map back to DOM positions.
   * Open shadow roots are read where they render (slots included); iframes are not (as
   * src/html.rs, which skips them): an embedded document is not the article.
   * @param {Element} root
   * @param {{checkRendering?: boolean, maxChars?: number, maxHintChars?: number,
   *   onShadowRoot?: (root: ShadowRoot) => void}} [options]
   *   maxChars bounds the text and hints of all blocks together; a hint longer than
   *   maxHintChars loses its outermost segments; onShadowRoot hears of each open shadow
   *   root read (the content script observes them for changes)
   * @returns {CollectedBlock[]}
   */
  function collectBlocks(root, options = {}) {
    const { checkRendering = false, maxChars = 4_000_000, maxHintChars = 8000, onShadowRoot } = options;
    /** @type {CollectedBlock[]} */
    const blocks = [];
    /** @type {Map<Element, {hint: string, ancestors: number[]}>} */
    const chains = new Map();
    /** @type {Map<Element, number>} */
    const elementIds = new Map();
    // Blocks share their ancestors: each element's segment is built once.
    /** @type {Map<Element, string>} */
    const hintSegments = new Map();
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
        // Up through shadow hosts too: an article in a shadow root belongs to the page.
        for (
          let current = /** @type {Element | null} */ (element);
          current && segments.length < MAX_HINT_LEVELS;
          current = current.parentElement ?? /** @type {ShadowRoot} */ (current.parentNode)?.host ?? null
        ) {
          if (tagOf(current) === 'html') continue;
          let segment = hintSegments.get(current);
          if (segment === undefined) hintSegments.set(current, (segment = hintSegment(current)));
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

    /** Appends node.data[from..to) (to - from characters, or one space for a whitespace
     * run) to the block's text. @param {Text} node @param {number} from @param {number} to
     * @param {string} characters */
    const append = (node, from, to, characters) => {
      const last = segments[segments.length - 1];
      /** @type {number[]} */
      let offsets;
      if (last && last.node === node && last.start + last.offsets.length === text.length) {
        offsets = last.offsets;
      } else {
        offsets = [];
        segments.push({ node, start: text.length, offsets });
      }
      for (let i = from; i < to; i++) offsets.push(i);
      text += characters;
    };

    /** @param {Text} node */
    const addText = (node) => {
      const data = node.data;
      // Runs of characters other than the engine's whitespace (ASCII whitespace and NBSP,
      // nothing else), found natively: most of a page's text is indentation between tags.
      const words = /[^ \t\n\r\f\v\u00a0]+/g;
      let spaceFrom = 0;
      for (let match = words.exec(data); ; match = words.exec(data)) {
        const start = match ? match.index : data.length;
        // a whitespace run becomes one space, taken from its first character
        if (start > spaceFrom && text && !pendingSpace) pendingSpace = { node, index: spaceFrom };
        if (!match) return;
        if (pendingSpace) {
          append(pendingSpace.node, pendingSpace.index, pendingSpace.index + 1, ' ');
          pendingSpace = null;
        }
        const word = match[0];
        spaceFrom = start + word.length;
        append(node, start, spaceFrom, word);
        if (linkDepth > 0) linkChars += word.length;
      }
    };

    /** @param {Element} element @param {string} tag @param {boolean} block */
    const enter = (element, tag, block) => {
      if (tag === 'a') linkDepth += 1;
      if (tag === 'br' || tag === 'hr') flush();
      if (block) {
        flush();
        openBlocks.push(element);
      }
    };
    /** @param {{tag: string, block: boolean}} entry */
    const leave = ({ tag, block }) => {
      if (block) {
        flush();
        openBlocks.pop();
      }
      if (tag === 'a') linkDepth -= 1;
    };

    /** What an element renders: an open shadow root's content (the element's own
     * children appear where its slots take them), a slot's assigned nodes (or, with none,
     * its fallback content), otherwise its children. A closed shadow root is the page's
     * to keep: its host is read as the DOM has it. @param {Element} element @param {string} tag */
    const shown = (element, tag) => {
      const shadow = element.shadowRoot;
      if (shadow) {
        onShadowRoot?.(shadow);
        return shadow.childNodes;
      }
      const assigned = tag === 'slot' ? /** @type {HTMLSlotElement} */ (element).assignedNodes() : [];
      return assigned.length ? assigned : element.childNodes;
    };

    // Iterative walk of what the page renders: pages nest thousands of levels deep, the
    // call stack would not.
    // Each element's tag is read once: the DOM calls are most of the walk's cost.
    const rootTag = tagOf(root);
    const rootBlock = BLOCK_TAGS.has(rootTag);
    enter(root, rootTag, rootBlock);
    /** @type {{tag: string, block: boolean, nodes: ArrayLike<Node>, next: number}[]} */
    const stack = [{ tag: rootTag, block: rootBlock, nodes: shown(root, rootTag), next: 0 }];
    while (stack.length && totalChars + text.length <= maxChars) {
      const top = stack[stack.length - 1];
      const node = top.nodes[top.next++];
      if (!node) {
        stack.pop();
        leave(top);
        continue;
      }
      const type = node.nodeType;
      if (type === 1) {
        const element = /** @type {Element} */ (node);
        const tag = tagOf(element);
        if (!isLeftOut(element, tag, checkRendering)) {
          const block = BLOCK_TAGS.has(tag);
          enter(element, tag, block);
          stack.push({ tag, block, nodes: shown(element, tag), next: 0 });
        }
      } else if (type === 3 || type === 4) {
        // a text or CDATA section node
        addText(/** @type {Text} */ (node));
      }
    }
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
      // A node the page has removed since it was read (a re-render) is no place to paint:
      // its text still reads as the quote, but nobody sees it.
      if (!start || !end || quote.end <= quote.start || !start.node.isConnected || !end.node.isConnected) {
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

  /** Scare quotes (and titles) are words held at arm's length, not speech: a faint mark
   * (content.css, quotelens-scare), no badge, listed apart in the panel.
   * @param {Quote} quote */
  const isSpeech = (quote) => quote.kind !== 'scare';

  /** The writer's own words ("“Are you scared?” I asked") rest on their "I" and name no
   * speaker.
   * @param {Quote} quote @param {Speaker | undefined} speaker */
  const isWriters = (quote, speaker) => !speaker && quote.speaker_mention?.text === 'I';

  /** A speaker's coloured pill in the panel and the playground (decorative: the name is
   * written beside it).
   * @param {Speaker | undefined} speaker @param {number | null} speakerId @param {string} [label] */
  function speakerPill(speaker, speakerId, label) {
    const colour = speakerColour(speakerId);
    const pill = document.createElement('span');
    pill.className = speaker ? 'speaker-pill' : 'speaker-pill unattributed';
    pill.textContent = label ?? (speaker ? speaker.short_name || speaker.name : 'Unattributed');
    pill.style.background = colour.background;
    pill.style.color = colour.ink;
    pill.setAttribute('aria-hidden', 'true');
    return pill;
  }

  /** @param {Quote} quote @param {Speaker | undefined} speaker */
  function badgeLabel(quote, speaker) {
    if (isWriters(quote, speaker)) return 'Writer';
    return speaker ? speaker.short_name || speaker.name : 'Unattributed';
  }

  /** @param {Quote} quote @param {Speaker | undefined} speaker */
  function badgeDescription(quote, speaker) {
    const who = speaker
      ? speaker.name + (speaker.role ? `, ${speaker.role}` : '')
      : isWriters(quote, speaker) ? 'the writer' : 'speaker not found';
    const cue = quote.cue ? ` (cue: “${quote.cue.text}”)` : '';
    return `${quote.kind} quote by ${who}${cue}; confidence ${Math.round(quote.confidence * 100)}%`;
  }

  const BADGE_GAP = 6;
  /** Narrowest margin a badge with a name needs; below it the quote gets a colour strip. */
  const STRIP_WIDTH = 5;
  const BADGE_CSS = `
    :host { all: initial; }
    .badge {
      position: absolute; box-sizing: border-box; max-width: 12em; overflow: hidden;
      text-overflow: ellipsis; white-space: nowrap; margin: 0; border: 0;
      padding: 1px 7px; border-radius: 9px; pointer-events: auto; cursor: pointer;
      font: 600 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      box-shadow: 0 1px 2px rgba(0, 0, 0, .35);
    }
    .badge.unattributed { border: 1px dashed #FFFFFF; }
    .badge.strip { padding: 0; border-radius: 2px; color: transparent; box-shadow: none; }
    .badge[hidden] { display: none; }
    .badge:focus-visible { outline: 3px solid #1A1A1A; outline-offset: 1px; box-shadow: 0 0 0 5px #FFFFFF; }
    .box { position: absolute; pointer-events: none; opacity: .35; }
    .card {
      position: absolute; box-sizing: border-box; width: max-content; max-width: min(22rem, 90vw);
      padding: 8px 10px; border-radius: 6px; background: #FFFFFF; color: #1A1A1A;
      border: 1px solid #8A8A8A; box-shadow: 0 4px 14px rgba(0, 0, 0, .25); pointer-events: auto;
      font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
    }
    .card[hidden] { display: none; }
    .card .name { font-weight: 700; font-size: 14px; }
    .card .role, .card .meta { color: #4A4A4A; }
    .card ul { margin: 6px 0 0; padding: 0 0 0 16px; }
    .card li { margin: 2px 0; }
  `;

  /** @param {DOMRect | {left: number, top: number, right: number, bottom: number}} a
   *  @param {{left: number, top: number, right: number, bottom: number}} b */
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  /**
   * Paints quotations onto a document: highlights plus one badge per quote in a shadow-DOM
   * layer that sits above the page, takes no layout space and covers no text. A badge goes
   * in the margin beside the quote's first line, or above that line when the space above
   * it is free; with no room anywhere the quote gets a narrow colour strip in the gutter,
   * named by its label and its card. Hovering or focusing a badge shows its card: full
   * name, role, cue, confidence and the quote's claims.
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
    layer.setAttribute('role', 'group');
    layer.setAttribute('aria-label', 'QuoteLens: speakers of the quotations on this page');
    const card = doc.createElement('div');
    card.className = 'card';
    card.id = 'quotelens-card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    root.append(layer, card);
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
    /** @type {{quote: Quote, range: Range, badge: HTMLButtonElement}[]} */
    let items = [];
    /** Scare quotes: marked, without a badge. @type {AnchoredQuote[]} */
    let scare = [];
    /** @type {Speaker[]} */
    let speakers = [];
    /** @type {Claim[]} */
    let claims = [];
    let frame = 0;
    let flashTimer = 0;
    /** @type {HTMLButtonElement | null} */
    let cardOwner = null;

    const schedule = () => {
      if (frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        layout();
      });
    };
    const resizeObserver = new ResizeObserver(schedule);
    /** Scrolling containers inside the page move their quotes; the window's own scroll
     * does not need a layout (the layer scrolls with the document). @param {Event} event */
    const onScroll = (event) => {
      if (event.target !== doc && event.target !== view) schedule();
    };

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

    /** The bottom of the nearest rendered content above a block, or -Infinity.
     * @param {Element} block */
    function contentBottomAbove(block) {
      for (let current = /** @type {Element | null} */ (block); current && current !== doc.body; current = current.parentElement) {
        for (let previous = current.previousElementSibling; previous; previous = previous.previousElementSibling) {
          const rect = previous.getBoundingClientRect();
          if (rect.height > 0 && rect.width > 0) return rect.bottom;
        }
      }
      return -Infinity;
    }

    /** @param {Quote} quote */
    function speakerOf(quote) {
      return quote.speaker_id === null ? undefined : speakers[quote.speaker_id];
    }

    /** @param {HTMLButtonElement} badge @param {Quote} quote */
    function showCard(badge, quote) {
      const speaker = speakerOf(quote);
      const lines = [];
      const name = doc.createElement('div');
      name.className = 'name';
      name.textContent = speaker ? speaker.name : 'Speaker not found';
      lines.push(name);
      if (speaker?.role) {
        const role = doc.createElement('div');
        role.className = 'role';
        role.textContent = speaker.role;
        lines.push(role);
      }
      const meta = doc.createElement('div');
      meta.className = 'meta';
      const cue = quote.cue ? `cue “${quote.cue.text}” · ` : '';
      meta.textContent = `${quote.kind} quote · ${cue}confidence ${Math.round(quote.confidence * 100)}%`;
      lines.push(meta);
      const own = claims.filter((claim) => claim.quote_id === quote.id);
      if (own.length) {
        const heading = doc.createElement('div');
        heading.className = 'meta';
        heading.textContent = own.length === 1 ? 'Claim to check:' : `${own.length} claims to check:`;
        const list = doc.createElement('ul');
        for (const claim of own) {
          const item = doc.createElement('li');
          item.textContent = claim.claim || claim.text;
          list.append(item);
        }
        lines.push(heading, list);
      }
      card.replaceChildren(...lines);
      card.hidden = false;
      cardOwner = badge;
      const origin = host.getBoundingClientRect();
      const anchor = badge.getBoundingClientRect();
      const width = card.offsetWidth;
      const height = card.offsetHeight;
      const viewportWidth = doc.documentElement.clientWidth;
      const left = Math.max(4, Math.min(anchor.left, viewportWidth - width - 4));
      const below = anchor.bottom + 4;
      const top = below + height > view.innerHeight && anchor.top - height - 4 >= 0 ? anchor.top - height - 4 : below;
      card.style.left = `${left - origin.left}px`;
      card.style.top = `${top - origin.top}px`;
    }

    function hideCard() {
      card.hidden = true;
      card.replaceChildren();
      cardOwner = null;
    }

    /** @param {Quote} quote */
    function makeBadge(quote) {
      const speaker = speakerOf(quote);
      const colour = speakerColour(quote.speaker_id);
      const badge = doc.createElement('button');
      badge.type = 'button';
      badge.className = speaker ? 'badge' : 'badge unattributed';
      badge.dataset.quoteId = String(quote.id);
      badge.textContent = badgeLabel(quote, speaker);
      const by = speaker ? speaker.name : isWriters(quote, speaker) ? 'the writer' : 'an unattributed speaker';
      badge.setAttribute('aria-label', `Quote by ${by}: ${badgeDescription(quote, speaker)}`);
      badge.setAttribute('aria-describedby', card.id);
      badge.style.background = colour.background;
      badge.style.color = colour.ink;
      badge.addEventListener('click', () => options.onBadgeClick?.(quote));
      badge.addEventListener('mouseenter', () => showCard(badge, quote));
      badge.addEventListener('focus', () => showCard(badge, quote));
      badge.addEventListener('mouseleave', () => {
        if (cardOwner === badge && root.activeElement !== badge) hideCard();
      });
      badge.addEventListener('blur', () => {
        if (cardOwner === badge) hideCard();
      });
      badge.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && cardOwner === badge) {
          event.stopPropagation();
          hideCard();
        }
      });
      return badge;
    }

    function layout() {
      hideCard();
      const origin = host.getBoundingClientRect();
      const viewportWidth = doc.documentElement.clientWidth;
      for (const box of layer.querySelectorAll('.box')) box.remove();
      // All reads of the page first, then the badges' sizes, then all writes: one layout
      // of the page and one of the badges however many quotes, never one per badge.
      const placed = items.map(({ range }) => {
        const lines = [...range.getClientRects()].filter((line) => line.width > 0 && line.height > 0);
        if (lines.length === 0) return null;
        const first = lines[0];
        const blockElement = blockOf(range);
        const block = blockElement?.getBoundingClientRect() ?? first;
        return {
          lines,
          first,
          block,
          // Right-to-left text starts at the right: its badge goes first to the right margin.
          rtl: !!blockElement && view.getComputedStyle(blockElement).direction === 'rtl',
          // room above the quote's first line, when that is the block's first line
          above: blockElement && first.top - block.top < first.height / 2 ? contentBottomAbove(blockElement) : null,
        };
      });
      items.forEach(({ badge }, i) => {
        badge.hidden = !placed[i];
        if (!placed[i]) return;
        badge.classList.remove('strip');
        badge.style.width = '';
        badge.style.height = '';
      });
      const sizes = items.map(({ badge }, i) => (placed[i] ? [badge.offsetWidth, badge.offsetHeight] : [0, 0]));
      /** @type {{left: number, top: number, right: number, bottom: number}[]} */
      const taken = [];
      items.forEach(({ quote, badge }, i) => {
        const measured = placed[i];
        if (!measured) return;
        const { lines, first, block, rtl, above } = measured;
        const [width, height] = sizes[i];
        const colour = speakerColour(quote.speaker_id);
        if (!highlightsSupported) {
          for (const line of lines) {
            const box = doc.createElement('div');
            box.className = 'box';
            box.style.cssText = `left:${line.left - origin.left}px;top:${line.top - origin.top}px;width:${line.width}px;height:${line.height}px;background:${colour.background}`;
            layer.prepend(box);
          }
        }
        /** @type {{left: number, top: number, right: number, bottom: number} | null} */
        let place = null;
        const inLine = first.top + (first.height - height) / 2;
        const candidates = [
          // the margin where the line starts, then the other
          { left: block.left - width - BADGE_GAP, top: inLine },
          { left: block.right + BADGE_GAP, top: inLine },
        ];
        if (rtl) candidates.reverse();
        // above the quote's first line, when the space up to the content above is free
        const top = first.top - height - 2;
        if (above !== null && above <= top) candidates.push({ left: Math.max(rtl ? first.right - width : first.left, 0), top });
        for (const candidate of candidates) {
          if (candidate.left < 0 || candidate.left + width > viewportWidth) continue;
          /** @type {{left: number, top: number, right: number, bottom: number}} */
          const rect = { left: candidate.left, top: candidate.top, right: candidate.left + width, bottom: candidate.top + height };
          // quotes on the same line stack their badges downward
          for (const other of taken) {
            if (overlaps(rect, other)) {
              rect.top = other.bottom + 2;
              rect.bottom = rect.top + height;
            }
          }
          if (candidate !== candidates[0] && candidate !== candidates[1] && taken.some((other) => overlaps(rect, other))) continue;
          place = rect;
          break;
        }
        if (!place) {
          // No room for a name anywhere: a colour strip in the gutter beside the first line.
          badge.classList.add('strip');
          const strip = Math.max(2, Math.min(STRIP_WIDTH, block.left - 2));
          badge.style.width = `${strip}px`;
          badge.style.height = `${first.height}px`;
          place = { left: Math.max(0, block.left - strip - 1), top: first.top, right: 0, bottom: first.bottom };
        }
        taken.push(place);
        badge.style.left = `${place.left - origin.left}px`;
        badge.style.top = `${place.top - origin.top}px`;
      });
    }

    return {
      /**
       * Paints an analysis' anchored quotations, replacing whatever was painted before:
       * one badge per quote, never two.
       * @param {AnchoredQuote[]} anchored
       * @param {{speakers: Speaker[], claims?: Claim[]}} analysis
       */
      paint(anchored, analysis) {
        clearHighlights();
        hideCard();
        const focusedId = /** @type {HTMLElement | null} */ (root.activeElement)?.dataset?.quoteId;
        speakers = analysis.speakers;
        claims = analysis.claims ?? [];
        const speech = anchored.filter(({ quote }) => isSpeech(quote));
        // Badges in reading order, so that Tab moves through them as a reader does: the
        // order of the analysed text, which follows the rendered page (shadow roots
        // included, whose ranges a DOM comparison refuses).
        speech.sort((a, b) => a.quote.start - b.quote.start);
        items = speech.map(({ quote, range }) => ({ quote, range, badge: makeBadge(quote) }));
        layer.replaceChildren(...items.map(({ badge }) => badge));
        /** @type {Map<string, Range[]>} */
        const byName = new Map();
        for (const { quote, range } of items) {
          const name = highlightName(quote);
          byName.set(name, [...(byName.get(name) ?? []), range]);
        }
        for (const [name, ranges] of byName) setHighlight(name, ranges);
        scare = anchored.filter(({ quote }) => !isSpeech(quote));
        if (scare.length) setHighlight('quotelens-scare', scare.map(({ range }) => range));
        if (!host.isConnected) {
          doc.documentElement.append(host);
          view.addEventListener('resize', schedule);
          doc.addEventListener('scroll', onScroll, true);
          resizeObserver.observe(doc.documentElement);
          if (doc.body) resizeObserver.observe(doc.body);
        }
        layout();
        if (focusedId !== undefined) items.find(({ quote }) => String(quote.id) === focusedId)?.badge.focus({ preventScroll: true });
        host.dataset.state = 'painted';
      },

      /** The painted quotes in reading order. */
      get quotes() {
        return items.map(({ quote }) => quote);
      },

      /** Scrolls a quote into view, flashes it and focuses its badge (a scare quote has
       * none). @param {number} quoteId */
      scrollToQuote(quoteId) {
        /** @type {{range: Range, badge?: HTMLButtonElement} | undefined} */
        const found = items.find(({ quote }) => quote.id === quoteId) ?? scare.find(({ quote }) => quote.id === quoteId);
        if (!found) return false;
        const target = blockOf(found.range);
        target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        if (flashTimer) view.clearTimeout(flashTimer);
        setHighlight('quotelens-flash', [found.range]);
        flashTimer = view.setTimeout(() => {
          flashTimer = 0;
          if (highlightsSupported) CSS.highlights.delete('quotelens-flash');
          highlightNames.delete('quotelens-flash');
        }, 1600);
        if (found.badge && !found.badge.hidden) found.badge.focus({ preventScroll: true });
        return true;
      },

      /**
       * The quote after (direction 1) or before (-1) the one whose badge has focus, or the
       * first below (above) the top of the viewport when none has.
       * @param {1 | -1} direction
       * @returns {Quote | null}
       */
      neighbour(direction) {
        const visible = items.filter(({ badge }) => !badge.hidden);
        if (visible.length === 0) return null;
        const focused = visible.findIndex(({ badge }) => badge === root.activeElement);
        if (focused >= 0) return visible[(focused + direction + visible.length) % visible.length].quote;
        const tops = visible.map(({ range }) => range.getBoundingClientRect().top);
        if (direction > 0) return visible[Math.max(0, tops.findIndex((top) => top > 1))]?.quote ?? visible[0].quote;
        const above = tops.map((top, index) => (top < -1 ? index : -1)).filter((index) => index >= 0);
        return visible[above.length ? above[above.length - 1] : visible.length - 1].quote;
      },

      /** Removes every mark and badge: the page is as it was. */
      destroy() {
        clearHighlights();
        if (flashTimer) view.clearTimeout(flashTimer);
        flashTimer = 0;
        resizeObserver.disconnect();
        view.removeEventListener('resize', schedule);
        doc.removeEventListener('scroll', onScroll, true);
        if (frame) view.cancelAnimationFrame(frame);
        frame = 0;
        hideCard();
        layer.replaceChildren();
        host.remove();
        items = [];
        scare = [];
      },
    };
  }

  return Object.freeze({
    SPEAKER_COLOURS,
    UNATTRIBUTED_COLOUR,
    collectBlocks,
    joinBlocks,
    domPosition,
    anchorQuotes,
    createOverlay,
    speakerColour,
    highlightName,
    isSpeech,
    isWriters,
    speakerPill,
    badgeLabel,
    badgeDescription,
  });
})();

globalThis.QuoteLensArticleDom = QuoteLensArticleDom;
