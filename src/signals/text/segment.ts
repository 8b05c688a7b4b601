/**
 * Putting back the spaces OCR drops. Text read from a frame often comes out glued together
 * ("DEPO10RBWDCEPAT" for "DEPO 10RB WD CEPAT"): lexicon words and phrases then cannot match. A
 * glued token is split only when it can be covered *entirely* by words the lexicons know and
 * numbers (with an optional money unit, "10rb", "5jt"), using as few pieces as possible; any
 * other token is left as it was, so ordinary words are never cut.
 */
import type { Lexicon } from './lexicon.js';

const UNITS = ['ribu', 'rebu', 'juta', 'rb', 'jt', 'k'];
const MIN_GLUED = 6;
const MAX_GLUED = 64;

const cache = new WeakMap<readonly Lexicon[], Set<string>>();
const longestWord = new WeakMap<ReadonlySet<string>, number>();

/** The words of the lexicons' word and phrase entries (two letters or more), lower case. */
export function lexiconVocabulary(lexicons: readonly Lexicon[]): Set<string> {
  let vocab = cache.get(lexicons);
  if (vocab) return vocab;
  vocab = new Set();
  for (const lexicon of lexicons) {
    for (const entry of lexicon.entries) {
      if (entry.type !== 'word' && entry.type !== 'phrase') continue;
      for (const w of entry.term.toLowerCase().split(/\s+/)) if (/^[a-z0-9]{2,}$/.test(w)) vocab.add(w);
    }
  }
  cache.set(lexicons, vocab);
  return vocab;
}

/** The cut points of one glued token (lower case, letters and digits), or undefined when it cannot be covered. */
function cover(token: string, vocab: ReadonlySet<string>, longest: number): number[] | undefined {
  const n = token.length;
  const best: (number | undefined)[] = new Array(n + 1).fill(undefined);
  const from: number[] = new Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === undefined) continue;
    const step = (j: number) => {
      if (best[j] === undefined || best[i]! + 1 < best[j]!) {
        best[j] = best[i]! + 1;
        from[j] = i;
      }
    };
    // A number, with an optional unit.
    let d = i;
    while (d < n && token.charCodeAt(d) >= 48 && token.charCodeAt(d) <= 57) d++;
    if (d > i) {
      step(d);
      for (const u of UNITS) if (token.startsWith(u, d)) step(d + u.length);
    }
    for (let j = i + 2; j <= Math.min(n, i + longest); j++) if (vocab.has(token.slice(i, j))) step(j);
  }
  if (best[n] === undefined || best[n]! < 2) return undefined;
  const cuts: number[] = [];
  for (let j = n; j > 0; j = from[j]!) cuts.unshift(j);
  return cuts;
}

/** `text` with its glued tokens split where the lexicons' words cover them completely. */
export function restoreSpaces(text: string, vocab: ReadonlySet<string>): string {
  let longest = longestWord.get(vocab);
  if (longest === undefined) {
    longest = 0;
    for (const w of vocab) longest = Math.max(longest, w.length);
    longestWord.set(vocab, longest);
  }
  const max = longest;
  return text.replace(/[\p{L}\p{N}]+/gu, (token) => {
    if (token.length < MIN_GLUED || token.length > MAX_GLUED || !/^[A-Za-z0-9]+$/.test(token)) return token;
    const lower = token.toLowerCase();
    if (vocab.has(lower)) return token;
    const cuts = cover(lower, vocab, max);
    if (!cuts) return token;
    let at = 0;
    return cuts.map((c) => token.slice(at, (at = c))).join(' ');
  });
}
