// Options page: when QuoteLens reads pages (every page, only on request, or listed sites),
// kept in storage.local so that it survives restarts; and the keyboard shortcuts.

const Messages = QuoteLensMessages;

const form = /** @type {HTMLFormElement} */ (document.getElementById('settings'));
const sitesField = /** @type {HTMLTextAreaElement} */ (document.getElementById('sites'));
const savedLine = /** @type {HTMLElement} */ (document.getElementById('saved'));

/** @param {Settings} settings */
function show(settings) {
  const radio = form.querySelector(`input[name="mode"][value="${settings.mode}"]`);
  if (radio instanceof HTMLInputElement) radio.checked = true;
  sitesField.value = settings.sites.join('\n');
}

async function load() {
  const stored = await chrome.storage.local.get(Messages.SETTINGS_KEY);
  show(Messages.readSettings(stored[Messages.SETTINGS_KEY]));
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

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const mode = new FormData(form).get('mode');
  const entries = sitesField.value.split(/[\n,]+/);
  const settings = Messages.readSettings({ mode, sites: entries });
  const rejected = entries.map((entry) => entry.trim()).filter((entry) => entry && Messages.siteOf(entry) === null);
  await chrome.storage.local.set({ [Messages.SETTINGS_KEY]: settings });
  show(settings);
  savedLine.textContent = rejected.length ? `Saved. Not a site name, left out: ${rejected.join(', ')}` : 'Saved.';
});

load();

// A module: its names stay its own.
export {};
