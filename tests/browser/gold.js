// Matching of predicted quotes to the gold page annotations (../shared/gold/pages), with
// the definitions of ../shared/tools/score_pages.py: quotes match by normalised text
// (Ratcliff-Obershelp ratio >= 0.6, one-to-one, best first); a speaker agrees when its
// name equals the gold name or an alias, or shares the last word with one.

/** @param {string | null | undefined} text */
export function normalise(text) {
  return (text ?? '')
    .normalize('NFKC')
    .replaceAll('\u00ad', '')
    .replace(/[\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e"']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?\u2014\u2013-]+|[\s.,;:!?\u2014\u2013-]+$/g, '')
    .toLowerCase();
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'sen', 'senator', 'rep', 'gov', 'prime', 'minister', 'the', 'sir']);

/** @param {string} text */
const words = (text) => (normalise(text).match(/[a-z0-9][a-z0-9'-]*/g) ?? []).filter((word) => !TITLES.has(word));

/**
 * @param {string | null | undefined} predicted
 * @param {string} gold
 * @param {string[] | undefined} aliases
 */
export function speakerAgrees(predicted, gold, aliases) {
  if (!predicted || !gold) return false;
  const predictedWords = words(predicted);
  if (predictedWords.length === 0) return false;
  for (const name of [gold, ...(aliases ?? [])]) {
    const goldWords = words(name);
    if (goldWords.length === 0) continue;
    if (goldWords.join(' ') === predictedWords.join(' ') || predictedWords.at(-1) === goldWords.at(-1)) return true;
  }
  const goldWords = words(gold);
  const lowercase = gold[0] !== undefined && gold[0] === gold[0].toLowerCase() && gold[0] !== gold[0].toUpperCase();
  return goldWords.length > 0 && goldWords.filter((word) => predictedWords.includes(word)).length * 2 >= goldWords.length && lowercase;
}

/** Characters matched by Ratcliff-Obershelp (Python's SequenceMatcher without autojunk).
 * @param {string} a @param {string} b */
function matchedCharacters(a, b) {
  /** @type {[number, number, number, number][]} */
  const queue = [[0, a.length, 0, b.length]];
  let matched = 0;
  while (queue.length) {
    const [aLow, aHigh, bLow, bHigh] = /** @type {[number, number, number, number]} */ (queue.pop());
    let bestI = aLow;
    let bestJ = bLow;
    let bestSize = 0;
    /** @type {Map<number, number>} */
    let lengths = new Map();
    for (let i = aLow; i < aHigh; i++) {
      /** @type {Map<number, number>} */
      const next = new Map();
      for (let j = bLow; j < bHigh; j++) {
        if (a[i] !== b[j]) continue;
        const size = (lengths.get(j - 1) ?? 0) + 1;
        next.set(j, size);
        if (size > bestSize) {
          bestI = i - size + 1;
          bestJ = j - size + 1;
          bestSize = size;
        }
      }
      lengths = next;
    }
    if (bestSize === 0) continue;
    matched += bestSize;
    if (aLow < bestI && bLow < bestJ) queue.push([aLow, bestI, bLow, bestJ]);
    if (bestI + bestSize < aHigh && bestJ + bestSize < bHigh) queue.push([bestI + bestSize, aHigh, bestJ + bestSize, bHigh]);
  }
  return matched;
}

/** @param {string} a @param {string} b */
export const ratio = (a, b) => (a.length + b.length ? (2 * matchedCharacters(a, b)) / (a.length + b.length) : 0);

/**
 * One-to-one pairs of predicted and gold quotes, best text match first.
 * @template {{text: string}} P
 * @template {{text: string}} G
 * @param {P[]} predicted
 * @param {G[]} gold
 * @returns {[P, G][]}
 */
export function matchQuotes(predicted, gold) {
  /** @type {[number, number, number][]} */
  const candidates = [];
  predicted.forEach((p, i) => {
    const a = normalise(p.text);
    gold.forEach((g, j) => {
      const b = normalise(g.text);
      if (!a || !b) return;
      const r = ratio(a, b);
      if (r >= 0.6) candidates.push([r, i, j]);
    });
  });
  candidates.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  const usedP = new Set();
  const usedG = new Set();
  /** @type {[P, G][]} */
  const pairs = [];
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([predicted[i], gold[j]]);
  }
  return pairs;
}
