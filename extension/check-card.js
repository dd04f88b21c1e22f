// "Check quote": renders the engine's check of a passage (src/check.rs, Wasm check_quote)
// as a card: the verdict, the speaker with the sentence that supports the attribution, the
// other appearances of the same words (click to go there) and a word-level diff where the
// wording differs; earlier appearances from the local archive, with address and date.
// Shared by the content script (the card beside a selection, in a shadow root) and the
// side panel (the "paste a quote" box). A classic script publishing one global.
//
// Every value from the page or the archive is set as text (textContent), never as HTML.

/**
 * @typedef {{op: 'equal' | 'deleted' | 'inserted' | 'elided' | 'bracketed', text: string,
 *   start?: number, end?: number, passage?: string}} DiffRun
 * @typedef {{start: number, end: number, text: string, score: number,
 *   level: 'exact' | 'near' | 'partial', kind: 'quote' | 'reported' | 'scare' | 'text',
 *   quote_id: number | null, relation?: string, speaker: string | null,
 *   speaker_id: number | null, attribution: {start: number, end: number, text: string} | null,
 *   diff: DiffRun[]}} CheckAppearance
 * @typedef {{offsets: 'utf16', passage: string, passage_words: number, truncated: boolean,
 *   verdict: string, appearances: CheckAppearance[]}} CheckResult
 * @typedef {{url: string, title: string, savedAt: number, speaker: string | null, text: string,
 *   score: number, level: 'exact' | 'near' | 'partial', diff: DiffRun[]}} ArchiveHit
 * @typedef {{appearance: CheckAppearance, here: boolean}} PlacedAppearance
 *   here: the appearance is the reader's own selection
 */

var QuoteLensCheckCard = (() => {
  const CARD_CSS = `
    .check { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; }
    .check h2 { margin: 0 0 6px; font-size: 15px; }
    .check h3 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #595959; }
    .check p { margin: 4px 0; }
    .check .verdict { font-weight: 600; }
    .check .support { color: #404040; font-style: italic; }
    .check ul { margin: 0; padding: 0; list-style: none; }
    .check li { margin: 4px 0; }
    .check button.appearance { display: block; width: 100%; text-align: left; font: inherit; color: inherit;
      background: transparent; border: 0; border-left: 3px solid #0062a0; padding: 4px 6px; cursor: pointer; }
    .check button.appearance:hover, .check button.appearance:focus-visible { background: #f1f1f1; }
    .check .meta { display: block; font-size: 12px; color: #595959; }
    .check .diff { display: block; margin-top: 2px; }
    .check del { background: #ffd7d5; color: #82071e; text-decoration: line-through; }
    .check ins { background: #ccffd8; color: #055d20; text-decoration: none; }
    .check .elided, .check .bracketed { color: #595959; }
    .check .archive-entry { border-left: 3px dotted #595959; padding: 4px 6px; }
    .check .archive-entry a { overflow-wrap: anywhere; }
  `;

  const LEVELS = Object.freeze({ exact: 'Same words', near: 'Nearly the same words: the wording differs', partial: 'Partly the same words' });

  /**
   * @param {Document} doc @param {string} tag
   * @param {{className?: string, text?: string}} [options]
   */
  function element(doc, tag, { className, text } = {}) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Who says it, in words: "a quotation of Anna Lee", "the writer's words".
   * @param {CheckAppearance} a */
  function describe(a) {
    const who = a.speaker ?? 'an unidentified speaker';
    if (a.kind === 'quote') return `a quotation of ${who}`;
    if (a.kind === 'reported') return `reported speech of ${who}`;
    if (a.kind === 'scare') return 'words in scare quotes (nobody is quoted)';
    return 'the writer’s own words, not a quotation';
  }

  /**
   * The word diff from the page's wording to the passage's: deleted words are on the page
   * but not in the passage, inserted words in the passage but not on the page.
   * @param {Document} doc @param {DiffRun[]} diff
   */
  function renderDiff(doc, diff) {
    const line = element(doc, 'span', { className: 'diff' });
    line.setAttribute('aria-label', 'Word differences: struck-out words are on the page, underlined words only in the passage');
    diff.forEach((run, index) => {
      if (index > 0) line.append(' ');
      if (run.op === 'deleted') line.append(element(doc, 'del', { text: run.text }));
      else if (run.op === 'inserted') line.append(element(doc, 'ins', { text: run.text }));
      else if (run.op === 'elided') line.append(element(doc, 'span', { className: 'elided', text: `[… ${run.text}]` }));
      else if (run.op === 'bracketed') line.append(element(doc, 'span', { className: 'bracketed', text: `[${run.passage ?? '…'} = ${run.text}]` }));
      else line.append(element(doc, 'span', { className: 'equal', text: run.text }));
    });
    return line;
  }

  /**
   * The card's content.
   * @param {Document} doc
   * @param {CheckResult} result
   * @param {{here?: number | null, archive?: ArchiveHit[], onJump?: (a: CheckAppearance) => void}} [options]
   *   here: index of the appearance that is the reader's own selection
   */
  function render(doc, result, { here = null, archive = [], onJump } = {}) {
    const root = element(doc, 'div', { className: 'check' });
    root.setAttribute('data-verdict', result.verdict);
    const own = here === null ? null : result.appearances[here] ?? null;
    const others = result.appearances.filter((_, index) => index !== here);
    const best = own ?? others[0] ?? null;
    let verdict;
    if (own) verdict = `The selected words are ${describe(own)}.`;
    else if (best) verdict = `${LEVELS[best.level]} as ${describe(best)}.`;
    else verdict = 'Not found on this page.';
    root.append(element(doc, 'p', { className: 'verdict', text: verdict }));
    if (best && best.kind !== 'text' && best.speaker) {
      root.append(element(doc, 'p', { className: 'speaker', text: `Speaker: ${best.speaker}` }));
    }
    if (best?.attribution && best.kind !== 'text') {
      root.append(element(doc, 'p', { className: 'support', text: `Attributed in: “${best.attribution.text}”` }));
    }
    if (best && !own && best.level !== 'exact') root.append(renderDiff(doc, best.diff));
    const listed = own ? others : others.slice(1);
    if (listed.length) {
      root.append(element(doc, 'h3', { text: own ? 'Elsewhere on this page' : 'Also on this page' }));
      const list = element(doc, 'ul', { className: 'appearances' });
      for (const a of listed) {
        const item = element(doc, 'li');
        const button = /** @type {HTMLButtonElement} */ (element(doc, 'button', { className: 'appearance' }));
        button.type = 'button';
        button.dataset.level = a.level;
        button.append(
          element(doc, 'span', { className: 'meta', text: `${LEVELS[a.level]} · ${describe(a)}` }),
          a.level === 'exact' ? element(doc, 'span', { text: `“${a.text}”` }) : renderDiff(doc, a.diff),
        );
        if (a.attribution && a.kind !== 'text') {
          button.append(element(doc, 'span', { className: 'meta support', text: `Attributed in: “${a.attribution.text}”` }));
        }
        if (onJump) button.addEventListener('click', () => onJump(a));
        else button.disabled = true;
        item.append(button);
        list.append(item);
      }
      root.append(list);
    }
    if (archive.length) {
      root.append(element(doc, 'h3', { text: 'Earlier, in your archive' }));
      const list = element(doc, 'ul', { className: 'archive' });
      for (const hit of archive) {
        const item = element(doc, 'li', { className: 'archive-entry' });
        item.dataset.level = hit.level;
        const date = new Date(hit.savedAt);
        const when = Number.isNaN(date.getTime()) ? 'unknown date' : date.toISOString().slice(0, 10);
        const link = /** @type {HTMLAnchorElement} */ (element(doc, 'a', { text: hit.title || hit.url }));
        if (/^https?:\/\//.test(hit.url)) {
          link.href = hit.url;
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
        }
        item.append(
          element(doc, 'span', { className: 'meta', text: `${LEVELS[hit.level]} · saved ${when}${hit.speaker ? ` · ${hit.speaker}` : ''}` }),
          link,
          hit.level === 'exact' ? element(doc, 'span', { className: 'diff', text: `“${hit.text}”` }) : renderDiff(doc, hit.diff),
        );
        list.append(item);
      }
      root.append(list);
    }
    if (result.truncated) root.append(element(doc, 'p', { className: 'meta', text: 'Only the first 300 words were checked.' }));
    return root;
  }

  return Object.freeze({ CARD_CSS, render, describe });
})();

globalThis.QuoteLensCheckCard = QuoteLensCheckCard;
