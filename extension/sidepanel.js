// Side panel (Chromium side panel, Firefox sidebar): the speakers, quotes and claims of one
// tab. It follows the active tab of its window, or the tab named by `?tab=ID` (how the
// browser tests open it as a page). Every value from the page is set as text.

const Messages = QuoteLensMessages;
const Checks = QuoteLensChecks;
const ArticleDom = QuoteLensArticleDom;

const pinnedTab = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
/** @type {number | null} */
let currentTabId = Number.isInteger(pinnedTab) && pinnedTab >= 0 ? pinnedTab : null;

const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const statusLine = byId('status');
const results = byId('results');
const analyzeButton = /** @type {HTMLButtonElement} */ (byId('analyze-now'));
const searchField = /** @type {HTMLInputElement} */ (byId('search'));
const speakerFilter = /** @type {HTMLSelectElement} */ (byId('speaker-filter'));

/**
 * @typedef {{title: string, url: string, analysis: Analysis | null, error: string | null,
 *   unanchored?: number[], marks?: boolean}} TabResult
 */
/** @type {TabResult | null} */
let shown = null;
/** Tabs this panel already asked to read: asking is the reader's click, once per tab. */
const asked = new Set();

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
  statusLine.hidden = false;
  results.hidden = true;
}

/** @param {number} quoteId */
async function scrollToQuote(quoteId) {
  if (currentTabId === null) return;
  try {
    await chrome.tabs.sendMessage(currentTabId, { type: Messages.PANEL_TO_CONTENT_SCROLL_TO_QUOTE, quoteId });
  } catch {
    showStatus('This tab’s page has changed or closed; reload it to analyse it again.', true);
  }
}

/** Asks for the tab's page to be read now: the background reaches its QuoteLens script
 * or brings one where it may (site-access.js). Without site access, only the reader's
 * click on the toolbar button (or a shortcut) lets QuoteLens into a page. */
async function analyzeNow() {
  if (currentTabId === null) return;
  const tabId = currentTabId;
  asked.add(tabId);
  analyzeButton.hidden = true;
  showStatus('Reading this page…');
  /** @type {ReadTabRequest} */
  const request = { type: Messages.PANEL_TO_BACKGROUND_READ_TAB, tabId };
  /** @type {ReadTabResponse | undefined} */
  const response = await chrome.runtime.sendMessage(request).catch(() => undefined);
  if (response?.ok || tabId !== currentTabId || shown) return;
  showStatus(
    response?.error === 'no-access'
      ? 'QuoteLens reads this page when you click its toolbar button or press Alt+Shift+Q. To have pages read as they load, choose so in the options.'
      : 'No article read in this tab yet. QuoteLens reads web pages (http and https).',
  );
  analyzeButton.hidden = false;
}

/** @param {string} text */
const folded = (text) => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** The speaker filter's options, kept when the same speakers come back.
 * @param {Analysis} analysis */
function renderSpeakerFilter(analysis) {
  const previous = speakerFilter.value;
  const options = [element('option', { text: 'All speakers' })];
  /** @type {HTMLOptionElement} */ (options[0]).value = '';
  for (const speaker of analysis.speakers) {
    const option = /** @type {HTMLOptionElement} */ (element('option', { text: speaker.name }));
    option.value = String(speaker.id);
    options.push(option);
  }
  if (analysis.quotes.some((quote) => quote.speaker_id === null && ArticleDom.isSpeech(quote))) {
    const option = /** @type {HTMLOptionElement} */ (element('option', { text: 'Unattributed' }));
    option.value = 'none';
    options.push(option);
  }
  speakerFilter.replaceChildren(...options);
  speakerFilter.value = options.some((option) => /** @type {HTMLOptionElement} */ (option).value === previous) ? previous : '';
}

/** @param {Analysis} analysis */
function renderSpeakers(analysis) {
  const list = byId('speakers');
  list.replaceChildren();
  const speakers = [...analysis.speakers].sort((a, b) => b.quote_count - a.quote_count || a.name.localeCompare(b.name));
  for (const speaker of speakers) {
    const button = /** @type {HTMLButtonElement} */ (element('button', { className: 'speaker-button' }));
    button.type = 'button';
    button.dataset.speakerId = String(speaker.id);
    button.setAttribute('aria-pressed', String(speakerFilter.value === String(speaker.id)));
    const count = speaker.quote_count;
    button.append(ArticleDom.speakerPill(speaker, speaker.id), element('span', { className: 'name', text: speaker.name }));
    if (speaker.role) button.append(element('span', { className: 'role', text: speaker.role }));
    button.append(element('span', { className: 'count', text: `${count} ${count === 1 ? 'quote' : 'quotes'}` }));
    button.addEventListener('click', () => {
      speakerFilter.value = speakerFilter.value === String(speaker.id) ? '' : String(speaker.id);
      render();
    });
    const item = element('li');
    item.append(button);
    list.append(item);
  }
  if (speakers.length === 0) list.append(element('li', { className: 'empty', text: 'No speakers found.' }));
}

/** @param {Claim} claim */
function claimItem(claim) {
  const item = element('li');
  const reasons = claim.reasons.length ? ` · ${claim.reasons.join(', ')}` : '';
  item.append(
    element('span', { text: claim.claim || claim.text }),
    element('span', {
      className: 'claim-meta',
      text: `${claim.type} · check-worthiness ${Math.round(claim.check_worthiness * 100)}%${reasons}`,
    }),
  );
  return item;
}

/**
 * Quotes grouped by speaker, each with its claims; the claims of a speaker that no quote
 * carries after them, and the article's own claims last. Search and the speaker filter
 * narrow every list.
 * @param {Analysis} analysis
 * @param {Set<number>} unplaced
 */
function renderQuotes(analysis, unplaced) {
  const container = byId('quotes');
  container.replaceChildren();
  const query = folded(searchField.value.trim());
  const filter = speakerFilter.value;
  /** @param {number | null} speakerId */
  const passesSpeaker = (speakerId) => filter === '' || (filter === 'none' ? speakerId === null : String(speakerId) === filter);
  /** @param {string} text */
  const passesSearch = (text) => query === '' || folded(text).includes(query);

  /** The writer's own quotations ("“Are you scared?” I asked") are listed apart from the
   * unattributed ones.
   * @param {Quote} quote @returns {number | null | 'writer'} */
  const groupOf = (quote) => (quote.speaker_id === null && ArticleDom.isWriters(quote, undefined) ? 'writer' : quote.speaker_id);
  /** @type {Map<number | null | 'writer', Quote[]>} */
  const groups = new Map();
  let total = 0;
  let visible = 0;
  for (const quote of analysis.quotes) {
    if (!ArticleDom.isSpeech(quote)) continue;
    total += 1;
    if (!passesSpeaker(quote.speaker_id)) continue;
    const claims = analysis.claims.filter((claim) => claim.quote_id === quote.id);
    const speakerName = quote.speaker_id === null ? '' : analysis.speakers[quote.speaker_id]?.name ?? '';
    if (!passesSearch([quote.text, speakerName, ...claims.map((claim) => claim.claim || claim.text)].join(' '))) continue;
    visible += 1;
    groups.set(groupOf(quote), [...(groups.get(groupOf(quote)) ?? []), quote]);
  }
  /** @type {Map<number | null, Claim[]>} */
  const looseClaims = new Map();
  for (const claim of analysis.claims) {
    if (claim.quote_id !== null && analysis.quotes.some((quote) => quote.id === claim.quote_id && ArticleDom.isSpeech(quote))) continue;
    if (!passesSpeaker(claim.claimant_id)) continue;
    if (!passesSearch(`${claim.claim || claim.text} ${claim.claimant ?? ''}`)) continue;
    looseClaims.set(claim.claimant_id, [...(looseClaims.get(claim.claimant_id) ?? []), claim]);
  }
  /** Named speakers by their number of quotations, then the writer, then no one.
   * @param {number | null | 'writer'} key */
  const rank = (key) => (key === null ? 2 : key === 'writer' ? 1 : 0);
  const order = [...new Set([...groups.keys(), ...looseClaims.keys()])].sort((a, b) => {
    if (typeof a !== 'number' || typeof b !== 'number') return rank(a) - rank(b);
    return (groups.get(b)?.length ?? 0) - (groups.get(a)?.length ?? 0) || a - b;
  });
  for (const key of order) {
    const speakerId = key === 'writer' ? null : key;
    const speaker = speakerId === null ? undefined : analysis.speakers[speakerId];
    const group = element('section', { className: 'speaker-group' });
    const heading = element('h3');
    if (key === 'writer') heading.append(ArticleDom.speakerPill(undefined, null, 'Writer'), ' ', 'The writer');
    else heading.append(ArticleDom.speakerPill(speaker, speakerId), ' ', speaker ? speaker.name : 'Speaker not found');
    if (speaker?.role) heading.append(element('span', { className: 'role', text: `, ${speaker.role}` }));
    group.append(heading);
    const quotes = groups.get(key) ?? [];
    if (quotes.length) {
      const list = element('ul');
      for (const quote of quotes) {
        const item = element('li');
        const placed = !unplaced.has(quote.id);
        const button = /** @type {HTMLButtonElement} */ (element('button', { className: 'quote-button' }));
        button.type = 'button';
        button.dataset.quoteId = String(quote.id);
        button.style.setProperty('--swatch', ArticleDom.speakerColour(speakerId).background);
        button.append(
          element('span', { text: `“${quote.text}”` }),
          element('span', {
            className: 'quote-kind',
            text: ArticleDom.badgeDescription(quote, speaker) + (placed ? '' : ' · not found on the page'),
          }),
        );
        button.disabled = !placed;
        button.addEventListener('click', () => scrollToQuote(quote.id));
        item.append(button);
        const claims = analysis.claims.filter((claim) => claim.quote_id === quote.id);
        if (claims.length) {
          const claimList = element('ul', { className: 'claims' });
          claimList.setAttribute('aria-label', 'Claims in this quote');
          claimList.append(...claims.map(claimItem));
          item.append(claimList);
        }
        list.append(item);
      }
      group.append(list);
    }
    const loose = key === 'writer' ? [] : looseClaims.get(speakerId) ?? [];
    if (loose.length) {
      group.append(element('p', { className: 'claims-heading', text: speakerId === null ? 'Claims of the article itself' : 'Other claims' }));
      const claimList = element('ul', { className: 'claims' });
      claimList.append(...loose.map(claimItem));
      group.append(claimList);
    }
    container.append(group);
  }
  if (order.length === 0) {
    container.append(element('p', { className: 'empty', text: total ? 'Nothing matches.' : 'No quotations found.' }));
  }
  byId('shown').textContent = query || filter ? `${visible} of ${total} quotes shown` : '';
}

/** Scare quotes and titles: words nobody is quoted as saying, so no speaker's quotes and
 * no "Unattributed" ones either. Counted in a section of their own, closed until opened;
 * search narrows it, a speaker filter hides it.
 * @param {Analysis} analysis @param {Set<number>} unplaced */
function renderScare(analysis, unplaced) {
  const query = folded(searchField.value.trim());
  const quotes = analysis.quotes.filter(
    (quote) => !ArticleDom.isSpeech(quote) && speakerFilter.value === '' && (query === '' || folded(quote.text).includes(query)),
  );
  byId('scare').replaceChildren(
    ...quotes.map((quote) => {
      const button = /** @type {HTMLButtonElement} */ (element('button', { className: 'quote-button', text: `“${quote.text}”` }));
      button.type = 'button';
      button.dataset.quoteId = String(quote.id);
      button.disabled = unplaced.has(quote.id);
      button.addEventListener('click', () => scrollToQuote(quote.id));
      const item = element('li');
      item.append(button);
      return item;
    }),
  );
  byId('scare-summary').textContent = `Scare quotes and titles (${quotes.length})`;
  byId('scare-section').hidden = quotes.length === 0;
}

/** Quotes that could not be placed on the page, listed apart.
 * @param {Analysis} analysis @param {Set<number>} unplaced */
function renderUnplaced(analysis, unplaced) {
  const list = byId('unplaced');
  const quotes = analysis.quotes.filter((quote) => unplaced.has(quote.id) && ArticleDom.isSpeech(quote));
  list.replaceChildren(
    ...quotes.map((quote) => {
      const speaker = quote.speaker_id === null ? undefined : analysis.speakers[quote.speaker_id];
      const item = element('li');
      item.style.setProperty('--swatch', ArticleDom.speakerColour(quote.speaker_id).background);
      item.append(
        element('span', { text: `“${quote.text}”` }),
        element('span', { className: 'quote-kind', text: ArticleDom.badgeDescription(quote, speaker) }),
      );
      return item;
    }),
  );
  byId('unplaced-section').hidden = quotes.length === 0;
}

function render() {
  const analysis = shown?.analysis;
  if (!analysis) return;
  const unplaced = new Set(shown?.unanchored ?? []);
  renderSpeakers(analysis);
  renderQuotes(analysis, unplaced);
  renderScare(analysis, unplaced);
  renderUnplaced(analysis, unplaced);
}

async function refresh() {
  if (currentTabId === null) {
    showStatus('No tab to show.');
    return;
  }
  const tabId = currentTabId;
  /** @type {{ok: boolean, result: TabResult | null} | undefined} */
  const response = await chrome.runtime.sendMessage({ type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT, tabId });
  if (tabId !== currentTabId) return;
  const result = response?.result ?? null;
  shown = result;
  byId('page-title').textContent = result ? result.title || result.url : '';
  if (!result) {
    analyzeButton.hidden = false;
    if (!asked.has(tabId)) {
      // Opening the panel is the reader's request: in "only when I ask" mode, or on a site
      // off the list, this is what reads the page. Elsewhere the page is being read anyway.
      await analyzeNow();
    } else {
      showStatus('No article analysed in this tab yet.');
      analyzeButton.hidden = false;
    }
    return;
  }
  analyzeButton.hidden = true;
  if (result.error || !result.analysis) {
    showStatus(`QuoteLens could not analyse this page: ${result.error ?? 'no result'}`, true);
    return;
  }
  renderSpeakerFilter(result.analysis);
  render();
  statusLine.hidden = true;
  results.hidden = false;
}

/** Saves the tab's quotes and claims in one of the engine's formats, as a file download.
 * @param {ExportFormat} format */
async function exportAs(format) {
  if (currentTabId === null) return;
  const exportStatus = byId('export-status');
  /** @type {ExportRequest} */
  const request = { type: Messages.PANEL_TO_BACKGROUND_EXPORT, tabId: currentTabId, format };
  /** @type {ExportResponse | undefined} */
  const response = await chrome.runtime.sendMessage(request);
  if (!response?.ok) {
    exportStatus.textContent = `Export failed: ${response?.ok === false ? response.error : 'no answer'}`;
    return;
  }
  const link = document.createElement('a');
  const url = URL.createObjectURL(new Blob([response.content], { type: `${response.mime};charset=utf-8` }));
  link.href = url;
  link.download = response.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  exportStatus.textContent = `Saved ${response.filename}`;
}

byId('exports').replaceChildren(
  ...Object.entries(Checks.EXPORTS).map(([format, { label }]) => {
    const button = /** @type {HTMLButtonElement} */ (element('button', { text: label }));
    button.type = 'button';
    button.dataset.format = format;
    button.addEventListener('click', () => exportAs(/** @type {ExportFormat} */ (format)));
    return button;
  }),
);

// The "paste a quote" box: the same check as the page's "Check quote", over this tab.
const checkStyle = document.createElement('style');
checkStyle.textContent = QuoteLensCheckCard.CARD_CSS;
document.head.append(checkStyle);

/** @param {SubmitEvent} event */
async function checkPasted(event) {
  event.preventDefault();
  const out = byId('check-result');
  const passage = /** @type {HTMLTextAreaElement} */ (byId('check-passage')).value.trim();
  if (currentTabId === null || !passage) return;
  const tabId = currentTabId;
  out.textContent = 'Checking…';
  /** @type {PanelCheckRequest} */
  const request = { type: Messages.PANEL_TO_BACKGROUND_CHECK, tabId, passage: passage.slice(0, Messages.MAX_PASSAGE_CHARS) };
  /** @type {CheckResponse | undefined} */
  const response = await chrome.runtime.sendMessage(request);
  if (!response?.ok) {
    out.textContent = `Could not check: ${response?.ok === false ? response.error : 'no answer'}`;
    return;
  }
  out.replaceChildren(
    QuoteLensCheckCard.render(document, response.result, {
      archive: response.archive,
      onJump: (appearance) => {
        /** @type {ScrollToText} */
        const message = { type: Messages.PANEL_TO_CONTENT_SCROLL_TO_TEXT, start: appearance.start, end: appearance.end };
        chrome.tabs.sendMessage(tabId, message).catch(() => {
          showStatus('This tab’s page has changed or closed; reload it to analyse it again.', true);
        });
      },
    }),
  );
}

/** The archive's answers, shown in its status line.
 * @param {ArchiveRequest} request */
async function archive(request) {
  const status = byId('archive-status');
  /** @type {ArchiveResponse | undefined} */
  const response = await chrome.runtime.sendMessage(request);
  if (!response?.ok) {
    status.textContent = `Archive: ${response?.ok === false ? response.error : 'no answer'}`;
    return null;
  }
  const total = `${response.count} ${response.count === 1 ? 'quote' : 'quotes'} in the archive`;
  if (response.saved !== undefined) status.textContent = `Saved ${response.saved} quotes of this page. ${total}.`;
  else if (response.imported !== undefined) status.textContent = `Imported ${response.imported} quotes (${response.rejected ?? 0} lines refused). ${total}.`;
  else status.textContent = `${total[0].toUpperCase()}${total.slice(1)}.`;
  return response;
}

const clearButton = /** @type {HTMLButtonElement} */ (byId('archive-clear'));
byId('check-form').addEventListener('submit', (event) => checkPasted(/** @type {SubmitEvent} */ (event)));
byId('archive-save').addEventListener('click', () => {
  if (currentTabId !== null) archive({ type: Messages.PANEL_TO_BACKGROUND_ARCHIVE, action: 'save', tabId: currentTabId });
});
byId('archive-export').addEventListener('click', async () => {
  const response = await archive({ type: Messages.PANEL_TO_BACKGROUND_ARCHIVE, action: 'export' });
  if (!response || response.jsonl === undefined) return;
  const link = document.createElement('a');
  const url = URL.createObjectURL(new Blob([response.jsonl], { type: 'application/jsonl;charset=utf-8' }));
  link.href = url;
  link.download = 'quotelens-archive.jsonl';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});
byId('archive-import').addEventListener('change', async (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  if (file.size > Checks.MAX_IMPORT_CHARS) {
    byId('archive-status').textContent = 'Archive: that file is too large to import.';
    return;
  }
  archive({ type: Messages.PANEL_TO_BACKGROUND_ARCHIVE, action: 'import', jsonl: await file.text() });
});
// Clearing asks twice: the first click arms the button, the second deletes.
clearButton.addEventListener('click', async () => {
  if (!clearButton.classList.contains('confirm')) {
    clearButton.classList.add('confirm');
    clearButton.textContent = 'Really delete every saved quote?';
    setTimeout(() => {
      clearButton.classList.remove('confirm');
      clearButton.textContent = 'Clear all';
    }, 5000);
    return;
  }
  clearButton.classList.remove('confirm');
  clearButton.textContent = 'Clear all';
  await archive({ type: Messages.PANEL_TO_BACKGROUND_ARCHIVE, action: 'clear' });
});
archive({ type: Messages.PANEL_TO_BACKGROUND_ARCHIVE, action: 'count' });

searchField.addEventListener('input', render);
speakerFilter.addEventListener('change', render);
analyzeButton.addEventListener('click', analyzeNow);

chrome.runtime.onMessage.addListener((message, sender) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (Checks.isTabResultChanged(message) && message.tabId === currentTabId) refresh();
  return false;
});

async function followActiveTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  currentTabId = tab?.id ?? null;
  await refresh();
}

if (currentTabId === null) {
  chrome.tabs.onActivated.addListener(async ({ tabId, windowId }) => {
    const current = await chrome.windows.getCurrent();
    if (windowId !== current.id) return;
    currentTabId = tabId;
    refresh();
  });
  followActiveTab();
} else {
  refresh();
}
