/**
 * Hashed features of short, noisy Indonesian text, computed on the normaliser's views
 * (`normalise.ts`), so styled letters, leetspeak, repeated and spread letters and alay spelling
 * reach the model already folded:
 *
 * - character n-grams (default 2–5) over the plain view, padded with a space at each end;
 *   n-grams never cross the mask placeholder;
 * - word unigrams and bigrams over the plain view's tokens (bigrams not across a sentence end or a mask);
 * - the leet view's word for each token that leetspeak changed (g4c0r → also "gacor");
 * - a shape for each token with digits (pulau777 → "a999", 10rb → "99a"): brand tokens;
 * - how much of the text was obfuscated (styled or look-alike letters, spread letters, leetspeak).
 *
 * Each feature is hashed (FNV-1a, murmur finaliser) into 2^hashBits buckets; every feature of a
 * text has the value 1/√n (n features in the text). `extract` allocates nothing per call; `explain`
 * recomputes the features with their strings and spans for an explanation.
 */
import { normalise, originalRange, type MappedText, type NormalisedText, type TextView } from '../normalise.js';
import { FNV_PRIME, combine, fmix32, fnv1a } from './hash.js';
import { MASK } from './text-prep.js';

export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  hashBits: number;
  /** Character n-gram lengths, inclusive; charMax 0 turns them off. */
  charMin: number;
  charMax: number;
  words: boolean;
  bigrams: boolean;
  leetWords: boolean;
  shapes: boolean;
  obfuscation: boolean;
  /** Character n-grams over the whole text ("text", punctuation included) or within each token ("tokens"). */
  charScope: 'text' | 'tokens';
  /** Each symbol that is not ASCII punctuation (emoji, ♠, ✅ …) as a feature. */
  symbols: boolean;
  /**
   * Each feature counts once per text (binary features). Without it a text repeated k times
   * scores √k times further from zero, so "terima kasih" pasted fifty times looked like a
   * certain promotion. Absent in models trained before the option: counts.
   */
  unique?: boolean;
  /**
   * Character n-grams over more of the normaliser's views than the plain one: "leet" adds the
   * n-grams of each token that leetspeak changed, as the leet view spells it (g4c0r → the
   * n-grams of "gacor", shared with the plain spelling); "base" adds the n-grams of the base
   * view's tokens (before repeated letters collapse, spread letters join and alay words are
   * rewritten: "gacoooor", "bgt") in a namespace of their own. Absent or [] in models trained
   * before this option: plain only.
   */
  charViews?: CharView[];
}

export type CharView = 'leet' | 'base';

export const DEFAULT_FEATURES: FeatureConfig = {
  hashBits: 20,
  charMin: 2,
  charMax: 5,
  words: true,
  bigrams: true,
  leetWords: true,
  shapes: true,
  obfuscation: true,
  charScope: 'tokens',
  symbols: true,
  charViews: [],
  unique: true,
};

export type FeatureKind = 'char' | 'word' | 'bigram' | 'leet' | 'shape' | 'obfuscation' | 'symbol';

/** Namespaces: the same string in two feature kinds hashes apart. */
const NS_CHAR = fnv1a('c\u0000');
const NS_BASE = fnv1a('b\u0000');
const NS_WORD = fnv1a('w\u0000');
const NS_SHAPE = fnv1a('s\u0000');
const NS_FLAG = fnv1a('f\u0000');
const NS_SYM = fnv1a('y\u0000');
const MASK_CODE = MASK.charCodeAt(0);

export function validateFeatureConfig(c: FeatureConfig): void {
  const ok =
    Number.isInteger(c.hashBits) && c.hashBits >= 10 && c.hashBits <= 26 &&
    Number.isInteger(c.charMin) && Number.isInteger(c.charMax) && c.charMin >= 1 && c.charMax <= 8 &&
    (c.charMax === 0 || c.charMin <= c.charMax) &&
    (c.charViews === undefined || (Array.isArray(c.charViews) && c.charViews.every((v) => v === 'leet' || v === 'base')));
  if (!ok) throw new Error(`Invalid feature configuration: ${JSON.stringify(c)}`);
}

/** A token's shape when it has a digit: letter runs → "a", digits kept as "9" (at most four in a run). */
export function tokenShape(t: string): string | undefined {
  let digits = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits = true;
      break;
    }
  }
  if (!digits) return undefined;
  let out = '';
  let run = 0;
  let prev = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const k = c >= 0x30 && c <= 0x39 ? '9' : 'a';
    if (k === prev) {
      run++;
      if (k === 'a' || run > 4) continue;
    } else run = 1;
    out += k;
    prev = k;
  }
  return out;
}

function obfuscationFlag(view: TextView): string | undefined {
  let letters = 0;
  let obf = 0;
  const text = view.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) continue;
    letters++;
    if (view.obfuscated[i]) obf++;
  }
  if (obf === 0 || letters === 0) return undefined;
  const r = obf / letters;
  return r < 0.2 ? 'obf:low' : r < 0.6 ? 'obf:mid' : 'obf:high';
}

const RE_SYMBOL = /^[\p{S}\p{Extended_Pictographic}]$/u;

/** 0 unknown, 1 symbol, 2 not, per BMP code point; astral code points in a map. */
const bmpSymbol = new Uint8Array(0x10000);
const astralSymbol = new Map<number, boolean>();

/** Whether the code point at `i` (not ASCII) is a symbol or emoji rather than a letter or digit. */
function isSymbolAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i)!;
  if (cp < 0x10000) {
    let k = bmpSymbol[cp]!;
    if (k === 0) {
      k = RE_SYMBOL.test(String.fromCharCode(cp)) ? 1 : 2;
      bmpSymbol[cp] = k;
    }
    return k === 1;
  }
  let v = astralSymbol.get(cp);
  if (v === undefined) {
    v = RE_SYMBOL.test(String.fromCodePoint(cp));
    if (astralSymbol.size < 65536) astralSymbol.set(cp, v);
  }
  return v;
}

function symbolHash(text: string, i: number): number {
  const ch = text.charCodeAt(i);
  let h = Math.imul(NS_SYM ^ ch, FNV_PRIME);
  if (ch >= 0xd800 && ch <= 0xdbff && i + 1 < text.length) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
  return h;
}

/** 0 unknown, 1 a letter, digit or mark, 2 not, per BMP code unit. */
const bmpWord = new Uint8Array(0x10000);
const RE_WORD = /^[\p{L}\p{N}\p{M}]$/u;

/** Whether a UTF-16 unit of the base view belongs to a word (surrogates and the mask do not). */
function isWordUnit(ch: number): boolean {
  if (ch < 0x80) return (ch >= 0x30 && ch <= 0x39) || (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a);
  if (ch === MASK_CODE || (ch >= 0xd800 && ch <= 0xdfff)) return false;
  let k = bmpWord[ch]!;
  if (k === 0) {
    k = RE_WORD.test(String.fromCharCode(ch)) ? 1 : 2;
    bmpWord[ch] = k;
  }
  return k === 1;
}

/** The [start, end) runs of word units in a view's text (the base view has no tokens of its own). */
function* baseTokens(text: string): Generator<[number, number]> {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const w = i < text.length && isWordUnit(text.charCodeAt(i));
    if (w && start < 0) start = i;
    else if (!w && start >= 0) {
      yield [start, i];
      start = -1;
    }
  }
}

/** Whether the view text between two offsets holds the mask placeholder or a line break. */
function gapBreaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === MASK_CODE || c === 0x0a) return true;
  }
  return false;
}

/** One feature with the string it hashes and where it is in the original text. */
export interface NamedFeature {
  kind: FeatureKind;
  feature: string;
  bucket: number;
  /** UTF-16 range of the original text. */
  start: number;
  end: number;
  /** For features that belong to one token (its n-grams, the word, its leet form, its shape): the token's index in the plain view. */
  token?: number;
}

/**
 * Computes feature buckets into a reusable buffer. Not re-entrant across threads of control
 * that interleave (it is synchronous, so within one call it is safe).
 */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  private readonly mask: number;
  /** Buckets of the last text (the first `count` entries). */
  buckets: Int32Array = new Int32Array(1024);
  count = 0;
  /** For `unique`: the text number that last saw each bucket. */
  private seen: Uint32Array | undefined;
  private stamp = 0;
  private readonly list = new FeatureList();

  constructor(config: FeatureConfig) {
    validateFeatureConfig(config);
    this.config = { ...config };
    this.mask = (1 << config.hashBits) - 1;
  }

  private push(h: number): void {
    if (this.count >= this.buckets.length) {
      const b = new Int32Array(this.buckets.length * 2);
      b.set(this.buckets);
      this.buckets = b;
    }
    this.buckets[this.count++] = fmix32(h) & this.mask;
  }

  /** n-grams of text[a, b) padded with a (virtual) space at each end. */
  private charGrams(text: string, a: number, b: number, ns: number = NS_CHAR): void {
    const c = this.config;
    const m = b - a + 2;
    for (let i = 0; i < m; i++) {
      const first = i === 0 || i === m - 1 ? 0x20 : text.charCodeAt(a + i - 1);
      if (first === MASK_CODE || (first >= 0xdc00 && first <= 0xdfff)) continue;
      let h = Math.imul(ns ^ first, FNV_PRIME);
      for (let k = 2, j = i + 1; k <= c.charMax && j < m; k++, j++) {
        const ch = j === m - 1 ? 0x20 : text.charCodeAt(a + j - 1);
        if (ch === MASK_CODE) break;
        h = Math.imul(h ^ ch, FNV_PRIME);
        if (k >= c.charMin && !(ch >= 0xd800 && ch <= 0xdbff)) this.push(h);
      }
      if (c.charMin === 1 && first !== 0x20 && !(first >= 0xd800 && first <= 0xdbff)) this.push(Math.imul(ns ^ first, FNV_PRIME));
    }
  }

  /** Features of `text`; returns how many (in `buckets[0..count)`). */
  extract(text: string): number {
    return this.extractNormalised(normalise(text));
  }

  extractNormalised(n: NormalisedText): number {
    this.count = 0;
    const c = this.config;
    const view = n.plain;
    const text = view.text;
    const len = text.length;
    // Character n-grams over " " + text + " ", or over " " + token + " " for each token.
    if (c.charMax > 0) {
      if (c.charScope === 'text') this.charGrams(text, 0, len);
      else for (const tok of view.tokens) this.charGrams(text, tok.start, tok.end);
      const cv = c.charViews;
      if (cv && cv.length > 0) {
        if (cv.includes('leet') && n.leet !== n.plain && n.leet.tokens.length === view.tokens.length) {
          const lt = n.leet.tokens;
          for (let t = 0; t < lt.length; t++) if (lt[t]!.text !== view.tokens[t]!.text) this.charGrams(n.leet.text, lt[t]!.start, lt[t]!.end);
        }
        if (cv.includes('base')) for (const [a, b] of baseTokens(n.base.text)) this.charGrams(n.base.text, a, b, NS_BASE);
      }
    }
    if (c.symbols) {
      for (let i = 0; i < len; i++) {
        const ch = text.charCodeAt(i);
        if (ch < 0x80 || ch === MASK_CODE || (ch >= 0xdc00 && ch <= 0xdfff)) continue;
        if (isSymbolAt(text, i)) this.push(symbolHash(text, i));
      }
    }
    const tokens = view.tokens;
    if (c.words || c.bigrams || c.shapes) {
      let prev = 0;
      let prevEnd = -1;
      for (let t = 0; t < tokens.length; t++) {
        const tok = tokens[t]!;
        const h = fnv1a(tok.text, NS_WORD);
        if (c.words) this.push(h);
        if (c.bigrams && prevEnd >= 0 && !tok.hardBefore && !gapBreaks(text, prevEnd, tok.start)) this.push(combine(prev, h));
        if (c.shapes) {
          const s = tokenShape(tok.text);
          if (s !== undefined) this.push(fnv1a(s, NS_SHAPE));
        }
        prev = h;
        prevEnd = tok.end;
      }
    }
    if (c.leetWords && n.leet !== n.plain && n.leet.tokens.length === tokens.length) {
      const lt = n.leet.tokens;
      for (let t = 0; t < lt.length; t++) {
        const a = lt[t]!.text;
        if (a !== tokens[t]!.text) this.push(fnv1a(a, NS_WORD));
      }
    }
    if (c.obfuscation) {
      const f = obfuscationFlag(view);
      if (f !== undefined) this.push(fnv1a(f, NS_FLAG));
    }
    if (c.unique) this.dedupe();
    return this.count;
  }

  /** Keeps the first occurrence of each bucket, in order. */
  private dedupe(): void {
    const seen = (this.seen ??= new Uint32Array(this.mask + 1));
    if (++this.stamp === 0xffffffff) {
      seen.fill(0);
      this.stamp = 1;
    }
    const b = this.buckets;
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const x = b[i]!;
      if (seen[x] === this.stamp) continue;
      seen[x] = this.stamp;
      b[n++] = x;
    }
    this.count = n;
  }

  /**
   * The features of `text` with their strings and original spans (slow path, for explanations).
   * `text` may be already normalised (the scan path normalises once for every text signal).
   */
  explain(text: string | NormalisedText): NamedFeature[] {
    const list = this.explainList(text);
    const out: NamedFeature[] = [];
    for (let k = 0; k < list.kept; k++) {
      const i = list.order[k]!;
      const f: NamedFeature = { kind: list.kind(i), feature: list.name(i), bucket: list.bucket[i]!, start: list.start[i]!, end: list.end[i]! };
      if (list.token[i]! >= 0) f.token = list.token[i]!;
      out.push(f);
    }
    return out;
  }

  /**
   * {@link explain}'s features as a list that names a feature only when asked (most n-grams are
   * summed into their token and never named). The list is the extractor's own, reused by the
   * next call.
   */
  explainList(text: string | NormalisedText): FeatureList {
    const n = typeof text === 'string' ? normalise(text) : text;
    const out = this.list;
    out.reset();
    const c = this.config;
    const view = n.plain;
    const t = view.text;
    const len = t.length;
    const bucket = (h: number) => fmix32(h) & this.mask;
    const span = (v: MappedText, from: number, to: number): [number, number] => {
      const a = Math.max(0, Math.min(from, v.text.length));
      const b = Math.max(a, Math.min(to, v.text.length));
      return originalRange(v, a, b);
    };
    const grams = (a0: number, b0: number, token?: number, v: MappedText = view, ns: number = NS_CHAR): void => {
      const tokenSpan = token === undefined ? undefined : span(v, a0, b0);
      const tok = token ?? -1;
      const padded = ` ${v.text.slice(a0, b0)} `;
      const m = padded.length;
      for (let i = 0; i < m; i++) {
        const first = padded.charCodeAt(i);
        if (first === MASK_CODE || (first >= 0xdc00 && first <= 0xdfff)) continue;
        let h = Math.imul(ns ^ first, FNV_PRIME);
        for (let k = 2, j = i + 1; k <= c.charMax && j < m; k++, j++) {
          const ch = padded.charCodeAt(j);
          if (ch === MASK_CODE) break;
          h = Math.imul(h ^ ch, FNV_PRIME);
          if (k >= c.charMin && !(ch >= 0xd800 && ch <= 0xdbff)) {
            const [s, e] = tokenSpan ?? span(v, a0 + i - 1, a0 + j);
            out.addSlice('char', padded, i, j + 1, bucket(h), s, e, tok);
          }
        }
        if (c.charMin === 1 && first !== 0x20 && !(first >= 0xd800 && first <= 0xdbff)) {
          const [s, e] = tokenSpan ?? span(v, a0 + i - 1, a0 + i);
          out.addSlice('char', padded, i, i + 1, bucket(Math.imul(ns ^ first, FNV_PRIME)), s, e, tok);
        }
      }
    };
    if (c.charMax > 0) {
      if (c.charScope === 'text') grams(0, len);
      else view.tokens.forEach((tok, i) => grams(tok.start, tok.end, i));
      const cv = c.charViews;
      if (cv && cv.length > 0) {
        if (cv.includes('leet') && n.leet !== n.plain && n.leet.tokens.length === view.tokens.length) {
          n.leet.tokens.forEach((lt, i) => {
            if (lt.text !== view.tokens[i]!.text) grams(lt.start, lt.end, i, n.leet);
          });
        }
        if (cv.includes('base')) for (const [a, b] of baseTokens(n.base.text)) grams(a, b, undefined, n.base, NS_BASE);
      }
    }
    if (c.symbols) {
      for (let i = 0; i < len; i++) {
        const ch = t.charCodeAt(i);
        if (ch < 0x80 || ch === MASK_CODE || (ch >= 0xdc00 && ch <= 0xdfff)) continue;
        if (isSymbolAt(t, i)) {
          const w = ch >= 0xd800 && ch <= 0xdbff ? 2 : 1;
          const [s, e] = span(view, i, i + w);
          out.add('symbol', t.slice(i, i + w), bucket(symbolHash(t, i)), s, e, -1);
        }
      }
    }
    const tokens = view.tokens;
    let prev = 0;
    let prevTok: (typeof tokens)[number] | undefined;
    for (let ti = 0; ti < tokens.length; ti++) {
      const tok = tokens[ti]!;
      const h = fnv1a(tok.text, NS_WORD);
      const [s, e] = span(view, tok.start, tok.end);
      if (c.words) out.add('word', tok.text, bucket(h), s, e, ti);
      if (c.bigrams && prevTok && !tok.hardBefore && !gapBreaks(t, prevTok.end, tok.start)) {
        const [ps] = span(view, prevTok.start, prevTok.end);
        out.add('bigram', `${prevTok.text} ${tok.text}`, bucket(combine(prev, h)), ps, e, -1);
      }
      if (c.shapes) {
        const sh = tokenShape(tok.text);
        if (sh !== undefined) out.add('shape', `shape:${sh}`, bucket(fnv1a(sh, NS_SHAPE)), s, e, ti);
      }
      prev = h;
      prevTok = tok;
    }
    if (c.leetWords && n.leet !== n.plain && n.leet.tokens.length === tokens.length) {
      n.leet.tokens.forEach((lt, i) => {
        if (lt.text !== tokens[i]!.text) {
          const [s, e] = span(n.leet, lt.start, lt.end);
          out.add('leet', lt.text, bucket(fnv1a(lt.text, NS_WORD)), s, e, i);
        }
      });
    }
    if (c.obfuscation) {
      const f = obfuscationFlag(view);
      if (f !== undefined) out.add('obfuscation', f, bucket(fnv1a(f, NS_FLAG)), 0, n.original.length, -1);
    }
    if (c.unique) {
      const seen = (this.seen ??= new Uint32Array(this.mask + 1));
      if (++this.stamp === 0xffffffff) {
        seen.fill(0);
        this.stamp = 1;
      }
      out.finish(seen, this.stamp);
    } else out.finish(undefined, 0);
    return out;
  }
}

const KINDS: readonly FeatureKind[] = ['char', 'word', 'bigram', 'leet', 'shape', 'obfuscation', 'symbol'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));

/**
 * Features in parallel arrays; `order[0..kept)` lists the ones kept (with `unique`, the first of
 * each bucket), in the order `extract` counts them. A feature's string is made when `name` asks.
 * An extractor reuses one list: it holds the last text's features until the next call.
 */
export class FeatureList {
  count = 0;
  kindCode = new Uint8Array(256);
  bucket = new Int32Array(256);
  /** UTF-16 range of the original text. */
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** The token's index in the plain view for features of one token, else -1. */
  token = new Int32Array(256);
  order = new Int32Array(256);
  kept = 0;
  private from = new Int32Array(256);
  private to = new Int32Array(256);
  private readonly names: (string | undefined)[] = [];
  private readonly sources: (string | undefined)[] = [];

  reset(): void {
    this.count = 0;
    this.kept = 0;
    // The strings of a long text are not kept alive for good.
    if (this.names.length > 4096) {
      this.names.length = 0;
      this.sources.length = 0;
    }
  }

  kind(i: number): FeatureKind {
    return KINDS[this.kindCode[i]!]!;
  }

  add(kind: FeatureKind, name: string, bucket: number, start: number, end: number, token: number): void {
    this.push(kind, name, undefined, 0, 0, bucket, start, end, token);
  }

  /** A feature named `source.slice(from, to)`. */
  addSlice(kind: FeatureKind, source: string, from: number, to: number, bucket: number, start: number, end: number, token: number): void {
    this.push(kind, undefined, source, from, to, bucket, start, end, token);
  }

  private push(kind: FeatureKind, name: string | undefined, source: string | undefined, from: number, to: number, bucket: number, start: number, end: number, token: number): void {
    const i = this.count;
    if (i >= this.bucket.length) this.grow();
    this.kindCode[i] = KIND_CODE.get(kind)!;
    this.names[i] = name;
    this.sources[i] = source;
    this.from[i] = from;
    this.to[i] = to;
    this.bucket[i] = bucket;
    this.start[i] = start;
    this.end[i] = end;
    this.token[i] = token;
    this.count = i + 1;
  }

  private grow(): void {
    const cap = this.bucket.length * 2;
    const more = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.kindCode = more(this.kindCode);
    this.bucket = more(this.bucket);
    this.start = more(this.start);
    this.end = more(this.end);
    this.token = more(this.token);
    this.order = more(this.order);
    this.from = more(this.from);
    this.to = more(this.to);
  }

  /** Fills `order`: every feature, or (`seen` given) the first of each bucket. */
  finish(seen: Uint32Array | undefined, stamp: number): void {
    let k = 0;
    for (let i = 0; i < this.count; i++) {
      if (seen) {
        const b = this.bucket[i]!;
        if (seen[b] === stamp) continue;
        seen[b] = stamp;
      }
      this.order[k++] = i;
    }
    this.kept = k;
  }

  name(i: number): string {
    let s = this.names[i];
    if (s === undefined) this.names[i] = s = this.sources[i]!.slice(this.from[i], this.to[i]);
    return s;
  }
}

/** UTF-16 offset → code point offset in `s`. */
export function codePointOffset(s: string, utf16: number): number {
  let cp = 0;
  for (let i = 0; i < utf16 && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    cp++;
  }
  return cp;
}

