// Side panel (Chromium side panel, Firefox sidebar): the speakers, quotes and claims of one
// tab. It follows the active tab of its window, or the tab named by `?tab=ID` (how the
// browser tests open it as a page). Every value from the page is set as text.

const Messages = QuoteLensMessages;
const ArticleDom = QuoteLensArticleDom;

const pinnedTab = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
/** @type {number | null} */
let currentTabId = Number.isInteger(pinnedTab) && pinnedTab >= 0 ? pinnedTab : null;

const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const statusLine = byId('status');
const results = byId('results');

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

/** @param {Speaker | undefined} speaker @param {number | null} speakerId */
function speakerPill(speaker, speakerId) {
  const colour = ArticleDom.speakerColour(speakerId);
  const pill = element('span', {
    className: speaker ? 'speaker-pill' : 'speaker-pill unattributed',
    text: speaker ? speaker.short_name || speaker.name : 'Unattributed',
  });
  pill.style.background = colour.background;
  pill.style.color = colour.ink;
  return pill;
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

/** @param {Analysis} analysis */
function renderSpeakers(analysis) {
  const list = byId('speakers');
  list.replaceChildren();
  const speakers = [...analysis.speakers].sort((a, b) => b.quote_count - a.quote_count || a.name.localeCompare(b.name));
  for (const speaker of speakers) {
    const item = element('li');
    item.append(speakerPill(speaker, speaker.id), element('span', { text: speaker.name }));
    if (speaker.role) item.append(element('span', { className: 'role', text: speaker.role }));
    const count = speaker.quote_count;
    item.append(element('span', { className: 'count', text: `${count} ${count === 1 ? 'quote' : 'quotes'}` }));
    list.append(item);
  }
  if (speakers.length === 0) list.append(element('li', { className: 'empty', text: 'No speakers found.' }));
}

/** @param {Analysis} analysis */
function renderQuotes(analysis) {
  const container = byId('quotes');
  container.replaceChildren();
  /** @type {Map<number | null, Quote[]>} */
  const groups = new Map();
  for (const quote of analysis.quotes) {
    if (!ArticleDom.isSpeech(quote)) continue;
    groups.set(quote.speaker_id, [...(groups.get(quote.speaker_id) ?? []), quote]);
  }
  // Named speakers by number of quotes; unattributed quotes last.
  const order = [...groups.keys()].sort((a, b) => {
    if (a === null) return 1;
    if (b === null) return -1;
    return (groups.get(b)?.length ?? 0) - (groups.get(a)?.length ?? 0);
  });
  for (const speakerId of order) {
    const speaker = speakerId === null ? undefined : analysis.speakers[speakerId];
    const group = element('section', { className: 'speaker-group' });
    const heading = element('h3');
    heading.append(speakerPill(speaker, speakerId), ' ', speaker ? speaker.name : 'Speaker not found');
    const list = element('ul');
    for (const quote of groups.get(speakerId) ?? []) {
      const button = /** @type {HTMLButtonElement} */ (element('button', { className: 'quote-button' }));
      button.type = 'button';
      button.dataset.quoteId = String(quote.id);
      button.style.setProperty('--swatch', ArticleDom.speakerColour(speakerId).background);
      button.append(
        element('span', { text: `“${quote.text}”` }),
        element('span', { className: 'quote-kind', text: ArticleDom.badgeDescription(quote, speaker) }),
      );
      button.addEventListener('click', () => scrollToQuote(quote.id));
      const item = element('li');
      item.append(button);
      list.append(item);
    }
    group.append(heading, list);
    container.append(group);
  }
  if (order.length === 0) container.append(element('p', { className: 'empty', text: 'No quotations found.' }));
}

/** @param {Analysis} analysis */
function renderClaims(analysis) {
  const list = byId('claims');
  list.replaceChildren();
  const claims = [...analysis.claims].sort((a, b) => b.check_worthiness - a.check_worthiness);
  for (const claim of claims) {
    const item = element('li');
    const who = claim.claimant ?? 'the article';
    const reasons = claim.reasons.length ? ` · ${claim.reasons.join(', ')}` : '';
    item.append(
      element('span', { text: claim.claim || claim.text }),
      element('span', {
        className: 'claim-meta',
        text: `${who} · ${claim.type} · check-worthiness ${Math.round(claim.check_worthiness * 100)}%${reasons}`,
      }),
    );
    list.append(item);
  }
  if (claims.length === 0) list.append(element('li', { className: 'empty', text: 'No checkable claims found.' }));
}

async function refresh() {
  if (currentTabId === null) {
    showStatus('No tab to show.');
    return;
  }
  /** @type {{ok: boolean, result: {title: string, url: string, analysis: Analysis | null, error: string | null} | null} | undefined} */
  const response = await chrome.runtime.sendMessage({
    type: Messages.PANEL_TO_BACKGROUND_GET_TAB_RESULT,
    tabId: currentTabId,
  });
  const result = response?.result;
  byId('page-title').textContent = result ? result.title || result.url : '';
  if (!result) {
    showStatus('No article analysed in this tab yet. QuoteLens reads web pages (http and https) when they load.');
    return;
  }
  if (result.error || !result.analysis) {
    showStatus(`QuoteLens could not analyse this page: ${result.error ?? 'no result'}`, true);
    return;
  }
  renderSpeakers(result.analysis);
  renderQuotes(result.analysis);
  renderClaims(result.analysis);
  statusLine.hidden = true;
  results.hidden = false;
}

chrome.runtime.onMessage.addListener((message, sender) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (Messages.isTabResultChanged(message) && message.tabId === currentTabId) refresh();
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
