/**
 * Normaliser for Indonesian and English text written to evade filters: styled Unicode
 * letters (𝐒𝐋𝐎𝐓, ＳＬＯＴ, Ⓢ, ᴀ, 🅰), look-alike letters from other scripts, zero-width
 * characters, zalgo marks, leetspeak (g4c0r), repeated letters (gacoooor), letters spread
 * apart (s l o t, s.l.o.t) and informal spelling (bosq, yg, gk).
 *
 * The result is a set of lower-case "matching views"; every UTF-16 unit of a view carries
 * the [start, end) range of the original text it came from, so evidence can always quote
 * the original characters.
 *
 * Per code point (a table filled once): NFKC, the extra tables in `tables.ts`, case folding,
 * combining marks and invisible characters dropped (they join the range of the character
 * before them). Per token, in order: letters spread apart join (a run of ≥ 3 one-character
 * tokens with identical gaps of ≤ 4 characters, no line break), leetspeak (leet view only:
 * 4→a 3→e 1→i 0→o 5→s 7→t 9→g 6→g 8→b, @→a $→s !→i, for a single digit next to a letter or
 * up to three digits between letters — so 10rb, 88, 777 and prices stay numbers), repeated
 * letters collapse, then the alay dictionary and its two letter rules (-q → -ku, consonant
 * + x → -nya). Tokens in URL paths are left out: identifiers there are not words.
 *
 * @example
 * const n = normalise('𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑');
 * n.plain.text;                          // 'slot gacor'
 * originalRange(n.plain, 0, 10);         // [0, 19] — the styled original, surrogates intact
 */
import { ALAY, ALAY_Q_EXCEPTIONS, ALAY_X_EXCEPTIONS } from './alay.js';
import {
  CONFUSABLE_CASED,
  CONFUSABLE_LOWER,
  DIRECT_MAP,
  isInvisible,
  isPlainDigitVariant,
  keepsSymbol,
} from './tables.js';

/** A string with, for each UTF-16 unit, the original range it came from. */
export interface MappedText {
  readonly text: string;
  /** Original start offset (UTF-16) of each unit of `text`. */
  readonly start: Int32Array;
  /** Original end offset (exclusive) of each unit of `text`. */
  readonly end: Int32Array;
}

/** A token of a view: a run of letters and digits after all the folding. */
export interface ViewToken {
  /** Offsets into the view's text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Built by joining letters spread apart ("s l o t" → "slot"). */
  readonly joined: boolean;
  /** A line break or sentence end separates this token from the previous one. */
  readonly hardBefore: boolean;
}

export type ViewKind = 'plain' | 'leet';

export interface TextView extends MappedText {
  readonly kind: ViewKind;
  readonly tokens: readonly ViewToken[];
  /** 1 for each unit whose original was obfuscated: styled or look-alike letters, spread letters, leetspeak. */
  readonly obfuscated: Uint8Array;
}

export interface NormalisedText {
  readonly original: string;
  /**
   * Character folding only (NFKC, look-alikes, case, marks, invisible characters dropped);
   * no token rules. URLs, domains and phone numbers are extracted from this view.
   */
  readonly base: MappedText;
  /** Base + repeated letters collapsed, spread letters joined, whitespace collapsed, alay words. */
  readonly plain: TextView;
  /**
   * Plain + leetspeak inside tokens that contain letters (g4c0r → gacor). The same
   * object as `plain` when the text has nothing leetspeak could change.
   */
  readonly leet: TextView;
}

/** The original [start, end) range of view units [from, to). */
export function originalRange(view: MappedText, from: number, to: number): [number, number] {
  if (to <= from) {
    const at = from < view.start.length ? view.start[from]! : from > 0 ? view.end[from - 1]! : 0;
    return [at, at];
  }
  return [view.start[from]!, view.end[to - 1]!];
}

// ---------------------------------------------------------------------------------------
// Per-code-point table

const CLS_LETTER = 1;
const CLS_DIGIT = 2;
const CLS_SPACE = 3;
const CLS_BREAK = 4;
const CLS_PUNCT = 5;
const CLS_MASK = 7;
const F_STYLED = 8;
const F_MULTI = 16;
const F_DROP = 32;
/** With F_DROP: a combining mark. Letters decorated with marks (P͓̽U͓̽L͓̽A͓̽U͓̽) count as styled. */
const F_MARK = 64;
/** The original is an ASCII lower-case letter (used to split 𝐀𝐄𝐑𝐎𝟖𝟖menawarkan, not 𝘼𝙂𝘜S𝙏O). */
const F_LOWER = 128;

interface Mapped {
  readonly s: string;
  /** Class (with F_STYLED) of each unit of `s`. */
  readonly cls: Uint8Array;
}

const EMPTY: Mapped = { s: '', cls: new Uint8Array(0) };
const EMPTY_MARK: Mapped = { s: '', cls: new Uint8Array(0) };
const RE_MARK = /^\p{M}$/u;
const RE_MARKS = /\p{M}/gu;
const RE_LETTER = /^\p{L}$/u;
const RE_DIGIT = /^\p{Nd}$/u;
const RE_ZS = /^\p{Zs}$/u;
const RE_DROPPED = /^[\p{Cf}\p{M}\p{Cs}]$/u;
const RE_CONTROL = /^\p{Cc}$/u;

function classify(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) {
    return CLS_BREAK;
  }
  if (c === 0x09 || c === 0x20 || c === 0x2800 || RE_ZS.test(ch)) return CLS_SPACE;
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return CLS_LETTER;
    if (c >= 0x30 && c <= 0x39) return CLS_DIGIT;
    return CLS_PUNCT;
  }
  if (RE_LETTER.test(ch)) return CLS_LETTER;
  if (RE_DIGIT.test(ch)) return CLS_DIGIT;
  return CLS_PUNCT;
}

function fold(ch: string): string {
  const cased = CONFUSABLE_CASED.get(ch);
  if (cased !== undefined) return cased;
  const lower = ch.toLowerCase().normalize('NFD').replace(RE_MARKS, '');
  let out = '';
  for (const c of lower) out += CONFUSABLE_LOWER.get(c) ?? c;
  return out;
}

function build(s: string, styled: boolean): Mapped {
  const cls = new Uint8Array(s.length);
  let u = 0;
  for (const c of s) {
    const k = classify(c) | (styled ? F_STYLED : 0);
    for (let j = 0; j < c.length; j++) cls[u++] = k;
  }
  return { s, cls };
}

function isAsciiAlnum(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

function computeMapping(cp: number): Mapped {
  if (cp >= 0xd800 && cp <= 0xdfff) return build('\ufffd', false); // a lone surrogate
  const direct = DIRECT_MAP.get(cp);
  if (direct !== undefined) return build(direct, true);
  const ch = String.fromCodePoint(cp);
  const cls = classify(ch);
  if (cls === CLS_BREAK) return build('\n', false);
  if (cls === CLS_SPACE) return build(' ', false);
  if (RE_MARK.test(ch)) return EMPTY_MARK;
  if (isInvisible(cp) || RE_DROPPED.test(ch) || RE_CONTROL.test(ch)) return EMPTY;
  if (keepsSymbol(cp)) return build(ch, false);
  let out = '';
  for (const c of ch.normalize('NFKC')) out += fold(c);
  if (out.length === 0) return EMPTY;
  const first = ch.normalize('NFD').charCodeAt(0);
  const styled = cp >= 0x80 && first >= 0x80 && !isPlainDigitVariant(cp) && isAsciiAlnum(out);
  return build(out, styled);
}

const bmpUnit = new Uint16Array(0x10000);
/** Class | flags per BMP code point; 0 = not computed yet. */
const bmpInfo = new Uint8Array(0x10000);
const bmpMulti = new Map<number, Mapped>();
const astral = new Map<number, Mapped>();
const ASTRAL_CACHE_LIMIT = 65536;

function fillBmp(cp: number): number {
  const m = computeMapping(cp);
  let info: number;
  if (m.s.length === 0) info = m === EMPTY_MARK ? F_DROP | F_MARK : F_DROP;
  else if (m.s.length === 1) {
    bmpUnit[cp] = m.s.charCodeAt(0);
    info = m.cls[0]! | (cp >= 0x61 && cp <= 0x7a ? F_LOWER : 0);
  } else {
    bmpMulti.set(cp, m);
    info = F_MULTI;
  }
  bmpInfo[cp] = info;
  return info;
}

function astralMapping(cp: number): Mapped {
  let m = astral.get(cp);
  if (m === undefined) {
    m = computeMapping(cp);
    if (astral.size < ASTRAL_CACHE_LIMIT) astral.set(cp, m);
  }
  return m;
}

// The blocks that styled or look-alike text comes from are computed at load; the rest
// (other scripts, CJK, emoji, …) mostly maps to itself and is filled on first sight.
for (const [from, to] of [
  [0x0000, 0x0590], // Latin, IPA (small capitals), Greek, Cyrillic, Armenian
  [0x10a0, 0x1100], // Georgian
  [0x13a0, 0x1680], // Cherokee, Canadian syllabics
  [0x1d00, 0x1dc0], // phonetic extensions (small capitals)
  [0x1e00, 0x2c00], // Latin/Greek extended, punctuation, letter-like, enclosed alphanumerics, dingbats
  [0x3000, 0x3040], // CJK punctuation (ideographic space)
  [0xa640, 0xa800], // Cyrillic extended, Latin extended-D (ꜰ ꜱ)
  [0xab70, 0xabc0], // Cherokee small letters
  [0xfb00, 0x10000], // ligatures, fullwidth forms, specials
] as const) {
  for (let cp = from; cp < to; cp++) fillBmp(cp);
}
for (const [from, to] of [
  [0x10280, 0x102e0], // Lycian, Carian
  [0x1d400, 0x1d800], // mathematical alphanumerics
  [0x1f100, 0x1f200], // enclosed alphanumeric supplement
] as const) {
  for (let cp = from; cp < to; cp++) astralMapping(cp);
}

// ---------------------------------------------------------------------------------------
// Alay dictionary, folded like text so keys and values meet the tokens they are compared to

function collapseLetters(s: string): string {
  let out = '';
  let prev = '';
  for (const c of s) {
    if (c === prev && RE_LETTER.test(c)) continue;
    out += c;
    prev = c;
  }
  return out;
}

function foldWord(word: string): string {
  let out = '';
  for (const c of word) out += fold(c);
  return collapseLetters(out);
}

const alayMap = new Map<string, string>();
for (const [k, v] of Object.entries(ALAY)) {
  const key = foldWord(k);
  const value = foldWord(v);
  if (key !== value) alayMap.set(key, value);
}
const qExceptions = new Set(ALAY_Q_EXCEPTIONS.map(foldWord));
const xExceptions = new Set(ALAY_X_EXCEPTIONS.map(foldWord));

// ---------------------------------------------------------------------------------------
// Scratch buffers, reused across calls (the functions are synchronous)

const INITIAL = 1024;
const RETAIN_LIMIT = 1 << 20;

let aCap = 0;
let aU = new Uint16Array(0);
let aC = new Uint8Array(0);
let aS = new Int32Array(0);
let aE = new Int32Array(0);

let vCap = 0;
let vU = new Uint16Array(0);
let vS = new Int32Array(0);
let vE = new Int32Array(0);
let vO = new Uint8Array(0);

let kCap = 0;
let kU = new Uint16Array(0);
let kC = new Uint8Array(0);
let kS = new Int32Array(0);
let kE = new Int32Array(0);
let kO = new Uint8Array(0);

let pCap = 0;
/** 1 for stage-A units in the path or query of a URL: identifiers there are not words. */
let aP = new Uint8Array(0);

let tCap = 0;
let tS = new Int32Array(0);
let tE = new Int32Array(0);

function growA(need: number): void {
  if (need <= aCap) return;
  let cap = Math.max(INITIAL, aCap);
  while (cap < need) cap *= 2;
  const u = new Uint16Array(cap);
  const c = new Uint8Array(cap);
  const s = new Int32Array(cap);
  const e = new Int32Array(cap);
  u.set(aU);
  c.set(aC);
  s.set(aS);
  e.set(aE);
  aU = u;
  aC = c;
  aS = s;
  aE = e;
  aCap = cap;
}

function growV(need: number): void {
  if (need <= vCap) return;
  let cap = Math.max(INITIAL, vCap);
  while (cap < need) cap *= 2;
  const u = new Uint16Array(cap);
  const s = new Int32Array(cap);
  const e = new Int32Array(cap);
  const o = new Uint8Array(cap);
  u.set(vU);
  s.set(vS);
  e.set(vE);
  o.set(vO);
  vU = u;
  vS = s;
  vE = e;
  vO = o;
  vCap = cap;
}

function growK(need: number): void {
  if (need <= kCap) return;
  let cap = Math.max(64, kCap);
  while (cap < need) cap *= 2;
  const u = new Uint16Array(cap);
  const c = new Uint8Array(cap);
  const s = new Int32Array(cap);
  const e = new Int32Array(cap);
  const o = new Uint8Array(cap);
  u.set(kU);
  c.set(kC);
  s.set(kS);
  e.set(kE);
  o.set(kO);
  kU = u;
  kC = c;
  kS = s;
  kE = e;
  kO = o;
  kCap = cap;
}

function growT(need: number): void {
  if (need <= tCap) return;
  let cap = Math.max(256, tCap);
  while (cap < need) cap *= 2;
  const s = new Int32Array(cap);
  const e = new Int32Array(cap);
  s.set(tS);
  e.set(tE);
  tS = s;
  tE = e;
  tCap = cap;
}

function releaseIfHuge(): void {
  if (pCap > RETAIN_LIMIT) {
    pCap = 0;
    aP = new Uint8Array(0);
  }
  if (aCap > RETAIN_LIMIT) {
    aCap = 0;
    aU = new Uint16Array(0);
    aC = new Uint8Array(0);
    aS = new Int32Array(0);
    aE = new Int32Array(0);
  }
  if (vCap > RETAIN_LIMIT) {
    vCap = 0;
    vU = new Uint16Array(0);
    vS = new Int32Array(0);
    vE = new Int32Array(0);
    vO = new Uint8Array(0);
  }
  if (kCap > RETAIN_LIMIT) {
    kCap = 0;
    kU = new Uint16Array(0);
    kC = new Uint8Array(0);
    kS = new Int32Array(0);
    kE = new Int32Array(0);
    kO = new Uint8Array(0);
  }
  if (tCap > RETAIN_LIMIT) {
    tCap = 0;
    tS = new Int32Array(0);
    tE = new Int32Array(0);
  }
}

const CHUNK = 8192;
const SHORT = 24;
const shortArgs: number[] = [];

function decode(units: Uint16Array, length: number): string {
  if (length <= SHORT) {
    // A plain array avoids allocating a typed-array view per token.
    shortArgs.length = length;
    for (let i = 0; i < length; i++) shortArgs[i] = units[i]!;
    return String.fromCharCode.apply(null, shortArgs);
  }
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Stage A: code points → folded units

let aN = 0;
/** Whether the text has a digit or a leet symbol, i.e. whether the leet view can differ. */
let aLeety = false;
/** Whether the text has a "/" (and so perhaps a URL path). */
let aSlash = false;

function pushUnits(m: Mapped, from: number, to: number): void {
  const s = m.s;
  growA(aN + s.length);
  for (let k = 0; k < s.length; k++) {
    aU[aN] = s.charCodeAt(k);
    aC[aN] = m.cls[k]!;
    aS[aN] = from;
    aE[aN] = to;
    aN++;
  }
}

function stageA(text: string): void {
  const len = text.length;
  aN = 0;
  aLeety = false;
  aSlash = false;
  growA(len + 16);
  for (let i = 0; i < len; ) {
    let cp = text.charCodeAt(i);
    let w = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    if (cp < 0x10000) {
      let info = bmpInfo[cp]!;
      if (info === 0) info = fillBmp(cp);
      if ((info & (F_MULTI | F_DROP)) === 0) {
        if (aN >= aCap) growA(aN + 1);
        const u = bmpUnit[cp]!;
        aU[aN] = u;
        aC[aN] = info;
        aS[aN] = i;
        aE[aN] = i + w;
        aN++;
        if ((info & CLS_MASK) === CLS_DIGIT || u === 0x40 || u === 0x24 || u === 0x21) aLeety = true;
        else if (u === 0x2f) aSlash = true;
      } else if (info & F_MULTI) {
        pushUnits(bmpMulti.get(cp)!, i, i + w);
        aLeety = true;
      } else if (aN > 0 && aE[aN - 1] === i) {
        // Invisible characters and marks belong to the character before them (z̷ is one unit).
        aE[aN - 1] = i + w;
        if (info & F_MARK && (aC[aN - 1]! & CLS_MASK) === CLS_LETTER) aC[aN - 1] = aC[aN - 1]! | F_STYLED;
      }
    } else {
      const m = astralMapping(cp);
      if (m.s.length > 0) {
        pushUnits(m, i, i + w);
        for (let k = 0; k < m.cls.length; k++) if ((m.cls[k]! & CLS_MASK) === CLS_DIGIT) aLeety = true;
      } else if (aN > 0 && aE[aN - 1] === i) {
        aE[aN - 1] = i + w;
        if (m === EMPTY_MARK && (aC[aN - 1]! & CLS_MASK) === CLS_LETTER) aC[aN - 1] = aC[aN - 1]! | F_STYLED;
      }
    }
    i += w;
  }
}

// ---------------------------------------------------------------------------------------
// Stage B: tokens, spread letters, leetspeak, repeats, alay → one view

const U_AT = 0x40;
const U_DOLLAR = 0x24;
const U_BANG = 0x21;
const U_DOT = 0x2e;
const U_COMMA = 0x2c;

/** 2 (often reduplication: "hati2") and 1 read as l are deliberately absent. */
const LEET_DIGIT = new Uint16Array(10);
LEET_DIGIT[0] = 0x6f; // 0 → o
LEET_DIGIT[1] = 0x69; // 1 → i
LEET_DIGIT[3] = 0x65; // 3 → e
LEET_DIGIT[4] = 0x61; // 4 → a
LEET_DIGIT[5] = 0x73; // 5 → s
LEET_DIGIT[6] = 0x67; // 6 → g
LEET_DIGIT[7] = 0x74; // 7 → t
LEET_DIGIT[8] = 0x62; // 8 → b
LEET_DIGIT[9] = 0x67; // 9 → g

const RE_URLISH = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)/;

/** Marks (in aP) the path and query of every URL-looking run of non-space units. */
function markUrlPaths(): void {
  if (aN > pCap) {
    pCap = Math.max(INITIAL, aN * 2);
    aP = new Uint8Array(pCap);
  } else aP.fill(0, 0, aN);
  if (!aSlash) return;
  let j = 0;
  while (j < aN) {
    const c = aC[j]! & CLS_MASK;
    if (c === CLS_SPACE || c === CLS_BREAK) {
      j++;
      continue;
    }
    const from = j;
    let slash = -1;
    while (j < aN) {
      const cj = aC[j]! & CLS_MASK;
      if (cj === CLS_SPACE || cj === CLS_BREAK) break;
      if (slash < 0 && aU[j] === 0x2f) slash = j;
      j++;
    }
    if (slash < 0) continue;
    const run = decode(aU.subarray(from, j), j - from);
    const m = RE_URLISH.exec(run);
    if (!m) continue;
    // The path starts at the first "/" after the scheme's "//" and the host.
    let pathAt = from + m[0].length;
    if (m[0].endsWith('//') || m[0] === 'www.') {
      pathAt = -1;
      for (let k = from + m[0].length; k < j; k++) {
        if (aU[k] === 0x2f || aU[k] === 0x3f || aU[k] === 0x23) {
          pathAt = k;
          break;
        }
      }
      if (pathAt < 0) continue;
    } else pathAt--;
    aP.fill(1, pathAt, j);
  }
}

function isTokenCls(c: number): boolean {
  return c === CLS_LETTER || c === CLS_DIGIT;
}

/** Splits stage-A units into raw tokens (tS/tE); returns their count. */
function tokenize(leet: boolean): number {
  let count = 0;
  let j = 0;
  while (j < aN) {
    const c = aC[j]! & CLS_MASK;
    let starts = isTokenCls(c) && aP[j] === 0;
    if (!starts && leet && aU[j] === U_DOLLAR && j + 1 < aN && aP[j + 1] === 0 && (aC[j + 1]! & CLS_MASK) === CLS_LETTER) starts = true;
    if (!starts) {
      j++;
      continue;
    }
    const s = j;
    let styled = (aC[j]! & F_STYLED) !== 0 ? 1 : 0;
    j++;
    while (j < aN) {
      const info = aC[j]!;
      const cj = info & CLS_MASK;
      if (aP[j] === 1) break;
      if (isTokenCls(cj)) {
        // A styled brand glued to a plain word (𝐀𝐄𝐑𝐎𝟖𝟖menawarkan) is two words.
        if ((info & F_STYLED) !== 0) styled++;
        else if (styled >= 3 && (info & F_LOWER) !== 0 && (aC[j - 1]! & F_STYLED) !== 0 && j + 1 < aN && (aC[j + 1]! & F_LOWER) !== 0) break;
        j++;
        continue;
      }
      if (j + 1 < aN) {
        const u = aU[j]!;
        const prev = aC[j - 1]! & CLS_MASK;
        const next = aC[j + 1]! & CLS_MASK;
        if ((u === U_DOT || u === U_COMMA) && prev === CLS_DIGIT && next === CLS_DIGIT) {
          j++;
          continue;
        }
        if (leet && (u === U_AT || u === U_BANG || u === U_DOLLAR) && isTokenCls(prev) && isTokenCls(next)) {
          j++;
          continue;
        }
      }
      break;
    }
    growT(count + 1);
    tS[count] = s;
    tE[count] = j;
    count++;
  }
  return count;
}

/** A gap short enough to sit between spread letters: ≤ 4 units, no line break. */
function shortGap(from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let j = from; j < to; j++) if ((aC[j]! & CLS_MASK) === CLS_BREAK) return false;
  return true;
}

function sameGap(a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (aU[a0 + k] !== aU[b0 + k]) return false;
  return true;
}

function isSingle(t: number): boolean {
  return tE[t]! - tS[t]! === 1;
}

function isAllDigits(t: number): boolean {
  for (let j = tS[t]!; j < tE[t]!; j++) if ((aC[j]! & CLS_MASK) !== CLS_DIGIT) return false;
  return true;
}

let vN = 0;
let lastGapUnit = 0; // 0 none, 1 space, 2 break

function pushView(u: number, s: number, e: number, o: number): void {
  if (vN >= vCap) growV(vN + 1);
  vU[vN] = u;
  vS[vN] = s;
  vE[vN] = e;
  vO[vN] = o;
  vN++;
}

/** Emits stage-A units [from, to) that lie between tokens; returns whether the gap is "hard". */
function emitGap(from: number, to: number): boolean {
  let sawBreak = false;
  let sawStop = false;
  let sawSpace = false;
  for (let j = from; j < to; j++) {
    const c = aC[j]! & CLS_MASK;
    if (c === CLS_SPACE || c === CLS_BREAK) {
      if (c === CLS_BREAK) sawBreak = true;
      else sawSpace = true;
      if (lastGapUnit !== 0) {
        vE[vN - 1] = aE[j]!;
        if (c === CLS_BREAK && lastGapUnit === 1) {
          vU[vN - 1] = 0x0a;
          lastGapUnit = 2;
        }
      } else {
        pushView(c === CLS_BREAK ? 0x0a : 0x20, aS[j]!, aE[j]!, 0);
        lastGapUnit = c === CLS_BREAK ? 2 : 1;
      }
      continue;
    }
    const u = aU[j]!;
    if (u === U_DOT || u === U_BANG || u === 0x3f || u === 0x3b) sawStop = true;
    pushView(u, aS[j]!, aE[j]!, 0);
    lastGapUnit = 0;
  }
  return sawBreak || (sawStop && sawSpace);
}

let kN = 0;

function pushK(u: number, c: number, s: number, e: number, o: number): void {
  if (kN >= kCap) growK(kN + 1);
  kU[kN] = u;
  kC[kN] = c;
  kS[kN] = s;
  kE[kN] = e;
  kO[kN] = o;
  kN++;
}

function digitRunLength(from: number): number {
  let r = from;
  while (r < kN && kC[r] === CLS_DIGIT) r++;
  return r - from;
}

/** Collects raw tokens [first, last] into the token buffer, dropping thousands separators. */
function gatherToken(first: number, last: number, joined: boolean): void {
  kN = 0;
  for (let t = first; t <= last; t++) {
    const end = tE[t]!;
    for (let j = tS[t]!; j < end; j++) {
      const u = aU[j]!;
      const info = aC[j]!;
      const c = info & CLS_MASK;
      if (c === CLS_PUNCT && (u === U_DOT || u === U_COMMA)) {
        let r = j + 1;
        while (r < end && (aC[r]! & CLS_MASK) === CLS_DIGIT) r++;
        if (r - (j + 1) === 3 && (r === end || (aC[r]! & CLS_MASK) !== CLS_LETTER)) continue; // 10.000
      }
      pushK(u, c, aS[j]!, aE[j]!, (info & F_STYLED) !== 0 || joined ? 1 : 0);
    }
  }
}

function applyLeet(): void {
  let hasLetter = false;
  for (let j = 0; j < kN; j++) {
    if (kC[j] === CLS_LETTER) {
      hasLetter = true;
      break;
    }
  }
  if (!hasLetter) return;
  for (let j = 0; j < kN; ) {
    const c = kC[j]!;
    const u = kU[j]!;
    if (c === CLS_PUNCT) {
      const sub = u === U_AT ? 0x61 : u === U_DOLLAR ? 0x73 : u === U_BANG ? 0x69 : 0;
      if (sub !== 0) {
        kU[j] = sub;
        kC[j] = CLS_LETTER;
        kO[j] = 1;
      }
      j++;
      continue;
    }
    if (c !== CLS_DIGIT) {
      j++;
      continue;
    }
    const run = digitRunLength(j);
    const left = j > 0 ? kC[j - 1]! : 0;
    const right = j + run < kN ? kC[j + run]! : 0;
    const ok =
      (run === 1 && (left === CLS_LETTER || right === CLS_LETTER) && left !== CLS_PUNCT && right !== CLS_PUNCT) ||
      (run <= 3 && left === CLS_LETTER && right === CLS_LETTER);
    if (ok) {
      let mappable = true;
      for (let r = j; r < j + run; r++) {
        const d = kU[r]! - 0x30;
        if (d < 0 || d > 9 || LEET_DIGIT[d] === 0) mappable = false;
      }
      if (mappable) {
        for (let r = j; r < j + run; r++) {
          kU[r] = LEET_DIGIT[kU[r]! - 0x30]!;
          kC[r] = CLS_LETTER;
          kO[r] = 1;
        }
      }
    }
    j += run;
  }
}

/** Whether the last letter of the token buffer stood for a run (so "dominoqq" is not "dominoq" + rule). */
let lastCollapsed = false;

function collapseRepeats(): void {
  lastCollapsed = false;
  if (kN < 2) return;
  let w = 1;
  for (let j = 1; j < kN; j++) {
    const u = kU[j]!;
    if (kC[j] === CLS_LETTER && kC[w - 1] === CLS_LETTER && u === kU[w - 1] && u < 0xd800) {
      kE[w - 1] = kE[j]!;
      kO[w - 1] = kO[w - 1]! | kO[j]!;
      if (j === kN - 1) lastCollapsed = true;
      continue;
    }
    kU[w] = u;
    kC[w] = kC[j]!;
    kS[w] = kS[j]!;
    kE[w] = kE[j]!;
    kO[w] = kO[j]!;
    w++;
  }
  kN = w;
}

function allAsciiLetters(): boolean {
  for (let j = 0; j < kN; j++) {
    const u = kU[j]!;
    if (u < 0x61 || u > 0x7a) return false;
  }
  return true;
}

const VOWEL_OR_X = new Set([0x61, 0x65, 0x69, 0x6f, 0x75, 0x78, 0x79]);

/** Returns the informal-spelling replacement of the token buffer, or undefined. */
function alayReplacement(word: string): string | undefined {
  const direct = alayMap.get(word);
  if (direct !== undefined) return direct;
  if (kN < 3 || lastCollapsed || !allAsciiLetters()) return undefined;
  const last = kU[kN - 1]!;
  if (last === 0x71 && !qExceptions.has(word)) {
    const w = word.slice(0, -1) + 'ku';
    return alayMap.get(w) ?? w;
  }
  // "-x" for "-nya" follows a consonant (rumahx); English words and brands mostly end in a vowel + x.
  if (last === 0x78 && kN >= 4 && !VOWEL_OR_X.has(kU[kN - 2]!) && !xExceptions.has(word)) {
    const w = word.slice(0, -1) + 'nya';
    return alayMap.get(w) ?? w;
  }
  return undefined;
}

function emitToken(tokens: ViewToken[], joined: boolean, hardBefore: boolean): void {
  const word = decode(kU, kN);
  const replacement = alayReplacement(word);
  const start = vN;
  if (replacement === undefined) {
    growV(vN + kN);
    for (let j = 0; j < kN; j++) pushView(kU[j]!, kS[j]!, kE[j]!, kO[j]!);
    tokens.push({ start, end: vN, text: word, joined, hardBefore });
    return;
  }
  let obf = 0;
  for (let j = 0; j < kN; j++) obf |= kO[j]!;
  // Keep per-letter offsets for the shared prefix ("bosq" → "bos" + "ku" from the "q").
  let keep = 0;
  const limit = Math.min(kN - 1, replacement.length);
  while (keep < limit && replacement.charCodeAt(keep) === kU[keep]) keep++;
  for (let j = 0; j < keep; j++) pushView(kU[j]!, kS[j]!, kE[j]!, kO[j]!);
  const restStart = kS[keep]!;
  const restEnd = kE[kN - 1]!;
  for (let j = keep; j < replacement.length; j++) pushView(replacement.charCodeAt(j), restStart, restEnd, obf);
  tokens.push({ start, end: vN, text: replacement, joined, hardBefore });
}

function buildView(kind: ViewKind): TextView {
  const leet = kind === 'leet';
  const count = tokenize(leet);
  const tokens: ViewToken[] = [];
  vN = 0;
  lastGapUnit = 0;
  growV(aN + 16);
  let prevEnd = 0;
  let t = 0;
  // Tokens up to here belong to a run already found too short to join (keeps this linear).
  let noJoinUntil = -1;
  while (t < count) {
    // A run of ≥ 3 spread single letters, or of ≥ 4 singles with 2 letters among digits, becomes one token.
    let last = t;
    let joined = false;
    if (t > noJoinUntil && isSingle(t) && t + 1 < count && shortGap(tE[t]!, tS[t + 1]!)) {
      // Every gap of the run must equal the first, so "s.l.o.t g.a.c.o.r" gives two tokens.
      const g0 = tE[t]!;
      const g1 = tS[t + 1]!;
      let r = t;
      let letters = (aC[tS[t]!]! & CLS_MASK) === CLS_LETTER ? 1 : 0;
      while (r + 1 < count && isSingle(r + 1) && sameGap(g0, g1, tE[r]!, tS[r + 1]!)) {
        r++;
        if ((aC[tS[r]!]! & CLS_MASK) === CLS_LETTER) letters++;
      }
      // Three letters, or two among four or more (leet digits: "b 4 b 1" is "babi").
      if (letters < 3 && !(letters >= 2 && r - t >= 3)) noJoinUntil = r;
      else {
        joined = true;
        last = r;
        const n = r + 1;
        if (n < count && isAllDigits(n) && tE[n]! - tS[n]! <= 4 && sameGap(g0, g1, tE[r]!, tS[n]!)) last = n;
      }
    }
    const hard = emitGap(prevEnd, tS[t]!);
    if (tokens.length > 0 && prevEnd === tS[t]!) {
      // Tokens split without a gap (a styled brand glued to a word) still need a separator.
      const at = aS[tS[t]!]!;
      pushView(0x20, at, at, 0);
    }
    lastGapUnit = 0;
    gatherToken(t, last, joined);
    if (leet) applyLeet();
    collapseRepeats();
    emitToken(tokens, joined, hard && tokens.length > 0);
    prevEnd = tE[last]!;
    t = last + 1;
  }
  emitGap(prevEnd, aN);
  return {
    kind,
    text: decode(vU, vN),
    start: vS.slice(0, vN),
    end: vE.slice(0, vN),
    obfuscated: vO.slice(0, vN),
    tokens,
  };
}

/**
 * Normalises `text` into matching views with offset maps back to it. Never throws: lone
 * surrogates become U+FFFD in the views (mapped to their original position).
 */
export function normalise(text: string): NormalisedText {
  stageA(text);
  const base: MappedText = { text: decode(aU, aN), start: aS.slice(0, aN), end: aE.slice(0, aN) };
  markUrlPaths();
  const plain = buildView('plain');
  const leet = aLeety ? buildView('leet') : plain;
  releaseIfHuge();
  return { original: text, base, plain, leet };
}

/** The tokens of `text` in the plain view, as lexicon terms are compared to them. */
export function normaliseTokens(text: string): string[] {
  return normalise(text).plain.tokens.map((t) => t.text);
}

/** Character folding only (the `base` view), without building the token views. */
export function foldMapped(text: string): MappedText {
  stageA(text);
  const out: MappedText = { text: decode(aU, aN), start: aS.slice(0, aN), end: aE.slice(0, aN) };
  releaseIfHuge();
  return out;
}
