// The playground: text or a file in, the engine's analysis out, painted with the
// extension's own code (pkg/article-dom.js) so it looks exactly like the extension.
// The engine runs here, in the page; nothing is sent anywhere.

import initEngine, { analyze, analyze_html as analyzeHtml, export_report as exportReport, version } from './pkg/quotelens.js';

const ArticleDom = QuoteLensArticleDom;

const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const source = /** @type {HTMLTextAreaElement} */ (byId('source'));
const fileInput = /** @type {HTMLInputElement} */ (byId('file'));
const article = byId('article');
const statusLine = byId('status');

const overlay = ArticleDom.createOverlay(document);
/** The text of the analysis on show, for the exports. */
let analysedText = '';

/** File name suffix and media type of each export format of the engine. */
const EXPORTS = /** @type {Record<string, {suffix: string, mime: string}>} */ ({
  citation: { suffix: 'citations.md', mime: 'text/markdown' },
  csv: { suffix: 'quotes.csv', mime: 'text/csv' },
  webannotation: { suffix: 'annotations.jsonld', mime: 'application/ld+json' },
  claimreview: { suffix: 'claimreview.jsonld', mime: 'application/ld+json' },
});

/**
 * @param {string} tag
 * @param {{className?: string, text?: string}} [options]
 */
function element(tag, { className, text } = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** @param {string} message @param {boolean} [isError] */
function showStatus(message, isError = false) {
  statusLine.textContent = message;
  statusLine.classList.toggle('error', isError);
}

/** A headline is a short first line without a full stop.
 * @param {string} line @param {number} index */
const isHeadline = (line, index) => index === 0 && line.length <= 140 && !/[.!?”"]\s*$/.test(line);

/** Shows the text as an article: one paragraph per line, as text only.
 * @param {string} text */
function renderArticle(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  article.replaceChildren(
    ...lines.map((line, index) => element(isHeadline(line, index) ? 'h2' : 'p', { text: line })),
  );
}

/** @param {Analysis} analysis */
function renderFindings(analysis) {
  const quotes = byId('quotes');
  quotes.replaceChildren();
  /** @type {Map<number | null | 'writer', Quote[]>} */
  const groups = new Map();
  for (const quote of analysis.quotes) {
    if (!ArticleDom.isSpeech(quote)) continue;
    // (The writer's own quotations are listed apart from the unattributed ones.)
    const key = quote.speaker_id === null && ArticleDom.isWriters(quote, undefined) ? 'writer' : quote.speaker_id;
    groups.set(key, [...(groups.get(key) ?? []), quote]);
  }
  /** @param {number | null | 'writer'} key */
  const rank = (key) => (key === null ? 2 : key === 'writer' ? 1 : 0);
  const order = [...groups.keys()].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : rank(a) - rank(b)));
  for (const key of order) {
    const speakerId = key === 'writer' ? null : key;
    const speaker = speakerId === null ? undefined : analysis.speakers[speakerId];
    const group = element('section', { className: 'speaker-group' });
    const heading = element('h3');
    if (key === 'writer') heading.append(ArticleDom.speakerPill(undefined, null, 'Writer'), ' ', 'The writer');
    else heading.append(ArticleDom.speakerPill(speaker, speakerId), ' ', speaker ? speaker.name : 'Speaker not found');
    if (speaker?.role) heading.append(`, ${speaker.role}`);
    const list = element('ul');
    for (const quote of groups.get(key) ?? []) {
      const button = /** @type {HTMLButtonElement} */ (element('button', { className: 'quote-button' }));
      button.type = 'button';
      button.dataset.quoteId = String(quote.id);
      button.style.setProperty('--swatch', ArticleDom.speakerColour(speakerId).background);
      button.append(
        element('span', { text: `“${quote.text}”` }),
        element('span', { className: 'meta', text: ArticleDom.badgeDescription(quote, speaker) }),
      );
      button.addEventListener('click', () => overlay.scrollToQuote(quote.id));
      const item = element('li');
      item.append(button);
      list.append(item);
    }
    group.append(heading, list);
    quotes.append(group);
  }
  if (order.length === 0) quotes.append(element('p', { className: 'empty', text: 'No quotations found.' }));

  const claims = byId('claims');
  claims.replaceChildren();
  for (const claim of [...analysis.claims].sort((a, b) => b.check_worthiness - a.check_worthiness)) {
    const item = element('li');
    item.append(
      element('span', { text: claim.claim || claim.text }),
      element('span', {
        className: 'meta',
        text: `${claim.claimant ?? 'the article'} · ${claim.type} · check-worthiness ${Math.round(claim.check_worthiness * 100)}%`,
      }),
    );
    claims.append(item);
  }
  if (claims.childElementCount === 0) claims.append(element('li', { className: 'empty', text: 'No checkable claims found.' }));
}

/**
 * Renders the text, then paints the analysis of exactly what was rendered, block by
 * block, the way the extension reads a page. `analyse` gets the rendered text.
 * @param {string} text
 * @param {(renderedText: string) => Omit<Analysis, 'blocks'>} analyse
 */
function showAnalysis(text, analyse) {
  renderArticle(text);
  const blocks = ArticleDom.collectBlocks(article);
  const { text: renderedText, ranges } = ArticleDom.joinBlocks(blocks);
  const started = performance.now();
  /** @type {Analysis} */
  let analysis;
  try {
    analysis = { ...analyse(renderedText), blocks: ranges };
  } catch (error) {
    overlay.destroy();
    renderFindings({ offsets: 'utf16', blocks: [], quotes: [], speakers: [], claims: [] });
    showStatus(error instanceof Error ? error.message : String(error), true);
    return;
  }
  const elapsed = performance.now() - started;
  analysedText = renderedText;
  const { anchored, unanchored } = ArticleDom.anchorQuotes(analysis, blocks);
  overlay.paint(anchored, analysis);
  renderFindings(analysis);
  const lost = unanchored.length ? `, ${unanchored.length} not placed` : '';
  showStatus(
    `${analysis.quotes.length} quotes, ${analysis.speakers.length} speakers, ${analysis.claims.length} claims in ${elapsed < 1 ? 'under 1' : Math.round(elapsed)} ms${lost}`,
  );
}

/** @param {string} text */
const analyzeText = (text) => showAnalysis(text, (renderedText) => analyze(renderedText));

/** An HTML page goes through the engine's own extractor, as with `quotelens analyze
 * page.html`: the article it picks is shown and analysed. Parsing happens in Rust; the
 * page's markup never reaches this document. @param {string} html */
function analyzeHtmlPage(html) {
  /** @type {Omit<Analysis, 'blocks'> & {text: string}} */
  const extracted = analyzeHtml(html);
  source.value = extracted.text;
  showAnalysis(extracted.text, (renderedText) =>
    // Rendering keeps the extracted lines as they are, so their offsets hold; should a
    // line ever render differently, the rendered text is analysed instead.
    renderedText === extracted.text ? extracted : analyze(renderedText),
  );
}

async function loadSample() {
  const response = await fetch('sample-article.txt');
  if (!response.ok) throw new Error(`sample article: HTTP ${response.status}`);
  source.value = await response.text();
  analyzeText(source.value);
}

/** Downloads the analysis on show in one of the engine's export formats.
 * @param {string} format */
function exportAs(format) {
  const kind = EXPORTS[format];
  if (!kind || !analysedText) return;
  try {
    const content = exportReport(analysedText, format, location.href, document.querySelector('#article h2')?.textContent ?? '', null);
    const url = URL.createObjectURL(new Blob([content], { type: `${kind.mime};charset=utf-8` }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `quotelens-${kind.suffix}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    showStatus(error instanceof Error ? error.message : String(error), true);
  }
}

for (const button of document.querySelectorAll('#exports button')) {
  button.addEventListener('click', () => exportAs(/** @type {HTMLElement} */ (button).dataset.format ?? ''));
}

byId('analyze').addEventListener('click', () => analyzeText(source.value));
byId('load-sample').addEventListener('click', () => loadSample().catch((error) => showStatus(String(error), true)));
fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  const content = await file.text();
  if (/\.html?$/i.test(file.name) || file.type === 'text/html') {
    try {
      analyzeHtmlPage(content);
    } catch (error) {
      showStatus(error instanceof Error ? error.message : String(error), true);
    }
  } else {
    source.value = content;
    analyzeText(content);
  }
});

await initEngine({ module_or_path: new URL('./pkg/quotelens_bg.wasm', import.meta.url) });
byId('engine-version').textContent = `v${version()}`;
document.documentElement.dataset.engine = 'ready';
await loadSample().catch((error) => showStatus(`Could not load the sample article: ${error}`, true));
