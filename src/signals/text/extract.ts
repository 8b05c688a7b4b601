/**
 * Entities in text: URLs, bare and obfuscated domains, Indonesian mobile numbers. Runs on
 * the normaliser's `base` view, so 𝐬𝐥𝐨𝐭𝐠𝐚𝐜𝐨𝐫.𝐜𝐨𝐦 and ０８１２… are found too; offsets
 * point into the original text.
 */
import { normaliseDomain } from './domain.js';
import { foldMapped, originalRange, type MappedText, type NormalisedText } from './normalise.js';

export type EntityType = 'url' | 'domain' | 'phone';

export interface TextEntity {
  type: EntityType;
  /** url: absolute URL (WHATWG-serialised); domain: lower-case host; phone: E.164 (+62…). */
  value: string;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  /** The original substring. */
  match: string;
}

/** Second-level domains under .id, then top-level domains recognised in bare domains. */
export const ID_SECOND_LEVEL = ['co', 'ac', 'go', 'or', 'web', 'sch', 'my', 'biz', 'net', 'mil', 'ponpes', 'desa'] as const;
export const DOMAIN_TLDS = [
  'id', 'com', 'net', 'org', 'xyz', 'site', 'online', 'top', 'vip', 'link', 'io', 'me', 'info', 'cc',
  'club', 'shop', 'store', 'live', 'pro', 'asia', 'biz', 'ly', 'ee', 'co', 'tv', 'app', 'fun', 'bet',
  'icu', 'sbs', 'cfd', 'lol', 'space', 'website', 'tech', 'cloud', 'life', 'world', 'today', 'win',
  'games', 'casino', 'poker',
] as const;
/** Written with spaces around the dot ("situsgacor . com") only these count: others read as prose. */
const SPACED_TLDS = ['com', 'net', 'org', 'xyz', 'co.id'];

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const TLD_ALT = [...ID_SECOND_LEVEL.map((s) => `${s}\\.id`), ...DOMAIN_TLDS]
  .sort((a, b) => b.length - a.length)
  .join('|');

const RE_URL = /(?<![a-z0-9])h(?:tt|xx)ps?:\/\/[^\s<>"'`]+/g;
const RE_WWW = /(?<![a-z0-9.\-/@])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'`]*/g;
const RE_DOMAIN = new RegExp(`(?<![a-z0-9@._/-])((?:${LABEL}\\.)+(?:${TLD_ALT}))(?![a-z0-9-])`, 'g');
const RE_OBFUSCATED_DOMAIN = new RegExp(
  `(?<![a-z0-9@._/-])(${LABEL})(?:\\s*[\\[({]\\s*(?:\\.|dot|titik)\\s*[\\])}]\\s*|\\s+(?:dot|titik)\\s+)(${TLD_ALT})(?![a-z0-9-])`,
  'g',
);
const RE_SPACED_DOMAIN = new RegExp(
  `(?<![a-z0-9@._/-])(${LABEL})(?:\\s+\\.\\s*|\\s*\\.\\s+)(${SPACED_TLDS.map((t) => t.replace('.', '\\.')).join('|')})(?![a-z0-9-])`,
  'g',
);
/** +62 / 62 / 0, then 8 and 8–11 more digits, with single spaces, dots or dashes between. */
const RE_PHONE = /(?<![0-9+])(?:(\+?62)[ .-]?|0)(8[0-9](?:[ .-]?[0-9]){7,10})(?![0-9])/g;

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', ']', '}', '>', '…']);

/** Drops sentence punctuation and unbalanced closing brackets from the end of a URL. */
function trimUrlEnd(s: string): number {
  let end = s.length;
  while (end > 0) {
    const c = s[end - 1]!;
    if (TRAILING.has(c)) {
      end--;
      continue;
    }
    if (c === ')') {
      const body = s.slice(0, end);
      const open = body.split('(').length - 1;
      const close = body.split(')').length - 1;
      if (close > open) {
        end--;
        continue;
      }
    }
    break;
  }
  return end;
}

function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

function toUrl(candidate: string): string | undefined {
  let s = candidate.replace(/^hxxp/i, 'http');
  if (!/^https?:\/\//i.test(s)) s = `http://${s}`;
  try {
    const url = new URL(s);
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** At most this many entities per text; the rest of a flood adds nothing a reviewer needs. */
export const MAX_ENTITIES = 10_000;

interface Collector {
  readonly original: string;
  readonly base: MappedText;
  readonly out: TextEntity[];
  /** Base-view units already inside a URL or domain (allocated on first use). */
  taken: Uint8Array | null;
}

function overlaps(c: Collector, from: number, to: number): boolean {
  if (c.taken === null) return false;
  for (let i = from; i < to; i++) if (c.taken[i] === 1) return true;
  return false;
}

function take(c: Collector, from: number, to: number): void {
  c.taken ??= new Uint8Array(c.base.text.length);
  c.taken.fill(1, from, to);
}

function full(c: Collector): boolean {
  return c.out.length >= MAX_ENTITIES;
}

function add(c: Collector, type: EntityType, value: string, from: number, to: number): void {
  const [start, end] = originalRange(c.base, from, to);
  c.out.push({ type, value, start, end, match: c.original.slice(start, end) });
}

function urls(c: Collector, re: RegExp): void {
  const text = c.base.text;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (!full(c) && (m = re.exec(text)) !== null) {
    const from = m.index;
    const to = from + trimUrlEnd(m[0]);
    if (overlaps(c, from, to)) continue;
    const [start, end] = originalRange(c.base, from, to);
    const raw = c.original.slice(start, end);
    // The original keeps the path's case; the base view is the fallback for styled URLs.
    const value = toUrl(isPrintableAscii(raw) ? raw : text.slice(from, to));
    if (value === undefined) continue;
    take(c, from, to);
    add(c, 'url', value, from, to);
  }
}

function domains(c: Collector): void {
  const text = c.base.text;
  RE_DOMAIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (!full(c) && (m = RE_DOMAIN.exec(text)) !== null) {
    const from = m.index;
    let to = from + m[0].length;
    if (overlaps(c, from, to)) continue;
    if (text[to] === '/') {
      // bit.ly/abc, wa.me/62…: a URL without a scheme.
      let end = to;
      while (end < text.length && !/[\s<>"'`]/.test(text[end]!)) end++;
      to = from + trimUrlEnd(text.slice(from, end));
      const [start, stop] = originalRange(c.base, from, to);
      const raw = c.original.slice(start, stop);
      const value = toUrl(isPrintableAscii(raw) ? raw : text.slice(from, to));
      if (value !== undefined) {
        take(c, from, to);
        add(c, 'url', value, from, to);
        continue;
      }
      to = from + m[0].length;
    }
    const value = normaliseDomain(m[1]!);
    if (value === undefined) continue;
    take(c, from, to);
    add(c, 'domain', value, from, to);
  }
}

function obfuscatedDomains(c: Collector, re: RegExp, minLabel: number): void {
  const text = c.base.text;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (!full(c) && (m = re.exec(text)) !== null) {
    const from = m.index;
    const to = from + m[0].length;
    if (m[1]!.length < minLabel || overlaps(c, from, to)) continue;
    const value = normaliseDomain(`${m[1]}.${m[2]}`);
    if (value === undefined) continue;
    take(c, from, to);
    add(c, 'domain', value, from, to);
  }
}

function phones(c: Collector): void {
  const text = c.base.text;
  RE_PHONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (!full(c) && (m = RE_PHONE.exec(text)) !== null) {
    const digits = m[2]!.replace(/[ .-]/g, '');
    add(c, 'phone', `+62${digits}`, m.index, m.index + m[0].length);
  }
}

function countDigits(s: string, atLeast: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && ++n >= atLeast) return true;
  }
  return false;
}

/**
 * URLs, domains and Indonesian mobile numbers in a text, sorted by position. Accepts the
 * text itself or its {@link NormalisedText} (to avoid normalising twice).
 *
 * @example
 * extractEntities('WA 0812-3456-7890, situs: slotgacor-contoh.xyz')
 * // [{ type: 'phone', value: '+6281234567890', … }, { type: 'domain', value: 'slotgacor-contoh.xyz', … }]
 */
export function extractEntities(input: string | NormalisedText): TextEntity[] {
  const original = typeof input === 'string' ? input : input.original;
  const base = typeof input === 'string' ? foldMapped(input) : input.base;
  const c: Collector = { original, base, out: [], taken: null };
  const text = base.text;
  if (text.includes('://')) urls(c, RE_URL);
  if (text.includes('www.')) urls(c, RE_WWW);
  if (text.includes('.')) domains(c);
  if (text.includes('dot') || text.includes('titik') || /[[({]\s*\./.test(text)) obfuscatedDomains(c, RE_OBFUSCATED_DOMAIN, 1);
  if (/\s\.|\.\s/.test(text)) obfuscatedDomains(c, RE_SPACED_DOMAIN, 3);
  if (countDigits(text, 9)) phones(c);
  return c.out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The host of a URL or domain entity (without "www."), or undefined for phones. */
export function entityHost(entity: TextEntity): string | undefined {
  if (entity.type === 'domain') return entity.value;
  if (entity.type !== 'url') return undefined;
  try {
    return normaliseDomain(new URL(entity.value).hostname);
  } catch {
    return undefined;
  }
}
