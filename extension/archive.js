// The local quote archive: opt-in, kept only in this browser (IndexedDB of the extension's
// origin). Nothing is stored until the reader asks to save a page's quotes; a check then
// also searches what was saved. Export and import as JSONL (one quote per line); clear all.
// Used by the background only (an ES module).

const DB_NAME = 'quotelens-archive';
const STORE = 'quotes';
/** Bounds on one archived quote, so that an import cannot grow without limit. */
const MAX_TEXT_CHARS = 5000;
const MAX_FIELD_CHARS = 2000;
const MAX_RECORDS = 100000;

/**
 * @typedef {{id?: number, url: string, title: string, savedAt: number, speaker: string | null, text: string, kind: string}} ArchivedQuote
 */

/** @type {Promise<IDBDatabase> | null} */
let opening = null;

function open() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      store.createIndex('url', 'url');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('the archive could not be opened'));
    };
  });
  return opening;
}

/**
 * Runs `work` in one transaction and resolves when it completes.
 * @template T
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore) => T} work
 * @returns {Promise<T>}
 */
async function transaction(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const value = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(value);
    tx.onerror = () => reject(tx.error ?? new Error('archive transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('archive transaction aborted'));
  });
}

/** @returns {Promise<ArchivedQuote[]>} */
export async function all() {
  /** @type {IDBRequest<ArchivedQuote[]> | null} */
  let request = null;
  await transaction('readonly', (store) => {
    request = store.getAll();
  });
  return /** @type {IDBRequest<ArchivedQuote[]>} */ (/** @type {unknown} */ (request)).result ?? [];
}

export async function count() {
  /** @type {IDBRequest<number> | null} */
  let request = null;
  await transaction('readonly', (store) => {
    request = store.count();
  });
  return /** @type {IDBRequest<number>} */ (/** @type {unknown} */ (request)).result ?? 0;
}

/**
 * A record from untrusted input (an import line), or null when it is not one.
 * @param {unknown} value
 * @returns {ArchivedQuote | null}
 */
export function recordOf(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = /** @type {Record<string, unknown>} */ (value);
  if (typeof v.text !== 'string' || !v.text.trim() || v.text.length > MAX_TEXT_CHARS) return null;
  if (typeof v.url !== 'string' || v.url.length > MAX_FIELD_CHARS || !/^https?:\/\//.test(v.url)) return null;
  const title = typeof v.title === 'string' ? v.title.slice(0, MAX_FIELD_CHARS) : '';
  const speaker = typeof v.speaker === 'string' ? v.speaker.slice(0, MAX_FIELD_CHARS) : null;
  const kind = v.kind === 'partial' ? 'partial' : 'direct';
  const savedAt = typeof v.savedAt === 'number' ? v.savedAt : Date.parse(typeof v.savedAt === 'string' ? v.savedAt : '');
  if (!Number.isFinite(savedAt)) return null;
  return { url: v.url, title, savedAt, speaker, text: v.text, kind };
}

/**
 * Replaces the archived quotes of a page with these.
 * @param {string} url
 * @param {ArchivedQuote[]} records
 */
export async function savePage(url, records) {
  const existing = await count();
  await transaction('readwrite', (store) => {
    const range = IDBKeyRange.only(url);
    store.index('url').openCursor(range).onsuccess = (event) => {
      const cursor = /** @type {IDBRequest<IDBCursorWithValue | null>} */ (event.target).result;
      if (!cursor) {
        for (const record of records.slice(0, Math.max(0, MAX_RECORDS - existing))) store.add(record);
        return;
      }
      cursor.delete();
      cursor.continue();
    };
  });
  return records.length;
}

/**
 * Adds the valid lines of a JSONL export; returns how many were added and refused.
 * @param {string} jsonl
 */
export async function importJsonl(jsonl) {
  /** @type {ArchivedQuote[]} */
  const records = [];
  let rejected = 0;
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    let record = null;
    try {
      record = recordOf(JSON.parse(line));
    } catch {
      record = null;
    }
    if (record) records.push(record);
    else rejected += 1;
  }
  const room = Math.max(0, MAX_RECORDS - (await count()));
  const added = records.slice(0, room);
  rejected += records.length - added.length;
  await transaction('readwrite', (store) => {
    for (const record of added) store.add(record);
  });
  return { imported: added.length, rejected };
}

/** One JSON object per line: url, title, savedAt (ISO date), speaker, kind, text. */
export async function exportJsonl() {
  const records = await all();
  return records
    .map(({ url, title, savedAt, speaker, kind, text }) =>
      JSON.stringify({ url, title, savedAt: new Date(savedAt).toISOString(), speaker, kind, text }),
    )
    .join('\n');
}

export async function clear() {
  await transaction('readwrite', (store) => {
    store.clear();
  });
}
