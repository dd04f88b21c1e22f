// Options page: when QuoteLens reads pages (only on request, every page, or listed sites),
// kept in storage.local so that it survives restarts; and the keyboard shortcuts.
//
// "Only when I ask" needs no site access (activeTab). The other two ask the browser for
// the host permissions they need (the manifest's optional_host_permissions) when saved,
// and going back to "only when I ask" gives them back. The background registers the
// content script for what is granted (site-access.js).

const Checks = QuoteLensChecks;

const form = /** @type {HTMLFormElement} */ (document.getElementById('settings'));
const sitesField = /** @type {HTMLTextAreaElement} */ (document.getElementById('sites'));
const savedLine = /** @type {HTMLElement} */ (document.getElementById('saved'));
const accessLine = /** @type {HTMLElement} */ (document.getElementById('access'));

/** @param {Settings} settings */
async function show(settings) {
  const radio = form.querySelector(`input[name="mode"][value="${settings.mode}"]`);
  if (radio instanceof HTMLInputElement) radio.checked = true;
  sitesField.value = settings.sites.join('\n');
  // Access can be withdrawn in the browser's own extension settings: say so.
  const patterns = Checks.patternsOf(settings);
  const granted = patterns.length === 0 || (await chrome.permissions.contains({ origins: patterns }));
  accessLine.hidden = granted;
  accessLine.textContent = granted
    ? ''
    : 'Your browser does not let QuoteLens read these sites (access was refused or withdrawn), so it reads pages only when you ask. Save again to allow it.';
}

async function load() {
  const stored = await chrome.storage.local.get(Checks.SETTINGS_KEY);
  await show(Checks.readSettings(stored[Checks.SETTINGS_KEY]));
  const list = /** @type {HTMLElement} */ (document.getElementById('shortcuts'));
  const commands = (await chrome.commands?.getAll?.()) ?? [];
  list.replaceChildren(
    ...commands.map((command) => {
      const item = document.createElement('li');
      const key = document.createElement('kbd');
      key.textContent = command.shortcut || 'not set';
      item.append(key, ` ${command.description || command.name}`);
      return item;
    }),
  );
  document.documentElement.dataset.loaded = 'true';
}

/** @param {Settings} settings @param {boolean} allowed @param {string[]} rejected */
async function save(settings, allowed, rejected) {
  if (!allowed) {
    savedLine.textContent = 'Not saved: QuoteLens can read these pages only if you allow it when your browser asks.';
    return;
  }
  await chrome.storage.local.set({ [Checks.SETTINGS_KEY]: settings });
  if (settings.mode === 'click') {
    // Nothing is read without asking any more: give the site access back. (Access the
    // browser or an administrator granted for good cannot be given back; that is fine.)
    await chrome.permissions.remove({ origins: [...Checks.ALL_SITES] }).catch(() => {});
    const sites = (await chrome.permissions.getAll()).origins ?? [];
    if (sites.length) await chrome.permissions.remove({ origins: sites }).catch(() => {});
  }
  await show(settings);
  savedLine.textContent = rejected.length ? `Saved. Not a site name, left out: ${rejected.join(', ')}` : 'Saved.';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const mode = new FormData(form).get('mode');
  const entries = sitesField.value.split(/[\n,]+/);
  const settings = Checks.readSettings({ mode, sites: entries });
  const rejected = entries.map((entry) => entry.trim()).filter((entry) => entry && Checks.siteOf(entry) === null);
  const patterns = Checks.patternsOf(settings);
  // The request comes first, before anything is awaited: browsers accept it only while the
  // reader's click is being handled.
  const asked = patterns.length ? chrome.permissions.request({ origins: patterns }) : Promise.resolve(true);
  asked
    .catch(() => false)
    .then((allowed) => save(settings, allowed, rejected))
    .catch((error) => {
      savedLine.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
    });
});

load();

// A module: its names stay its own.
export {};
