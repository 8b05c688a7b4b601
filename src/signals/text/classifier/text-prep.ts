/**
 * Cleaning applied to texts as data files are read: literal escape sequences that exports
 * leave in place of emoji (`\U0001F600`, `\u2764`, `\ud83d\ude00`, also with doubled
 * backslashes) become the characters, and the masks datasets put in place of user names and
 * links (`USER`, `URL`, `[USERNAME]`, `<user>`, `@USER`, …) become one placeholder,
 * {@link MASK}, which the feature extractor treats as a boundary with no feature of its own:
 * the model cannot learn a dataset's masking convention.
 */

/** U+FFFC OBJECT REPLACEMENT CHARACTER: survives normalisation as one non-letter unit. */
export const MASK = '\uFFFC';

const RE_ESCAPE = /\\{1,2}(?:U([0-9a-fA-F]{8})|u([dD][89abAB][0-9a-fA-F]{2})\\{1,2}u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|x\{([0-9a-fA-F]{1,6})\})/g;

/** Turns literal escape sequences into the characters they name; anything invalid stays as it was. */
export function unescapeEmoji(text: string): string {
  if (text.indexOf('\\') < 0) return text;
  return text.replace(RE_ESCAPE, (whole, big?: string, hi?: string, lo?: string, small?: string, braced?: string) => {
    if (hi !== undefined && lo !== undefined) return String.fromCharCode(parseInt(hi, 16), parseInt(lo, 16));
    const hex = big ?? small ?? braced;
    if (hex === undefined) return whole;
    const cp = parseInt(hex, 16);
    // Only characters outside ASCII (emoji, symbols, letters): "\u0041" in a text is rarer than
    // a path or a regular expression that happens to look like an escape.
    if (cp < 0x80 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return whole;
    return String.fromCodePoint(cp);
  });
}

/** The masks replaced by default: upper-case words, and any case inside brackets or after @. */
export const DEFAULT_MASKS: readonly string[] = ['USER', 'USERNAME', 'URL', 'LINK', 'HASHTAG', 'MENTION', 'EMAIL', 'PHONE', 'NUMBER'];

function maskPattern(masks: readonly string[]): RegExp {
  const words = masks.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // [USER] <USER> {USER} @USER (any case), or the bare word in upper case only.
  return new RegExp(`[\\[<{](?:${words})[\\]>}]|@(?:${words})\\b|(?<![\\p{L}\\p{N}_])(?:${words.toUpperCase()})(?![\\p{L}\\p{N}_])`, 'giu');
}

const patternCache = new Map<string, RegExp>();

/** Replaces masked tokens with {@link MASK}. Bare words must be upper case (so "url" in a sentence stays). */
export function replaceMasks(text: string, masks: readonly string[] = DEFAULT_MASKS): string {
  if (masks.length === 0) return text;
  const id = masks.join('\u0000');
  let re = patternCache.get(id);
  if (!re) {
    re = maskPattern(masks);
    patternCache.set(id, re);
  }
  const upper = new Set(masks.map((m) => m.toUpperCase()));
  return text.replace(re, (m: string) => {
    const bracketed = /^[[<{@]/.test(m);
    if (!bracketed && (m !== m.toUpperCase() || !upper.has(m))) return m;
    return ` ${MASK} `;
  });
}

export interface TextPrepOptions {
  /** Decode literal escape sequences (default true). */
  unescape?: boolean;
  /** Masks to replace with the placeholder (default {@link DEFAULT_MASKS}; [] for none). */
  masks?: readonly string[];
}

export function prepareText(text: string, options: TextPrepOptions = {}): string {
  let t = options.unescape === false ? text : unescapeEmoji(text);
  t = replaceMasks(t, options.masks ?? DEFAULT_MASKS);
  return t;
}
