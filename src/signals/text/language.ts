import { loadModule, type LanguageIdentifier } from 'cld3-asm';
import { normalise } from './normalise.js';

/**
 * Language identification with Google's CLD3 (WebAssembly; the model ships inside the npm
 * package). Among others it tells Indonesian (`id`), English (`en`), Malay (`ms`), Javanese
 * (`jv`) and Sundanese (`su`) apart, which lighter detectors fold into Indonesian.
 */
export interface LanguageGuess {
  /** ISO 639-1 where there is one (`id`, `en`, `ms`, `jv`, `su`, …). */
  language: string;
  probability: number;
  /**
   * Confident enough to act on: CLD3 calls it reliable, it is at least 90 % sure, and the text has
   * at least 30 letters. Short promotional texts full of brand names are often "reliably" something
   * exotic to CLD3; this keeps them from counting.
   */
  reliable: boolean;
}

/**
 * Everyday words of informal Indonesian (and of Malay, Javanese and Sundanese, which share them).
 * CLD3 was trained on formal text and calls slangy Indonesian Hausa, Corsican or Afrikaans; two of
 * these words in a text are enough to say it is not foreign.
 */
const NUSANTARA_MARKERS = new Set(
  'yang dan di ke dari ini itu aja aja ajah banget bgt bikin sama main terus trus lagi udah sudah gak ga nggak tidak bisa mau kalo kalau juga buat sih deh dong nih tuh kok gue gua aku kamu lu lo kita kami dia mereka ada jadi tapi atau karena biar pas baru cuma makin lebih paling gitu gini kasih dapat dapet langsung auto cepat cepet setiap tiap hari malam pagi bareng teman gengs bosku bang kak mas'.split(' '),
);

function looksNusantara(sample: string): boolean {
  let n = 0;
  for (const word of sample.split(/[^\p{L}]+/u)) if (NUSANTARA_MARKERS.has(word) && ++n >= 2) return true;
  return false;
}

let identifier: LanguageIdentifier | undefined;
let loading: Promise<void> | undefined;

/** Loads the model once (about 50 ms); until then `identifyLanguage` answers undefined. */
export function initLanguageId(): Promise<void> {
  loading ??= loadModule().then((factory) => {
    identifier = factory.create(0, 1000);
  });
  return loading;
}

/** Fewer letters than this give no guess: the answer would be noise. */
const MIN_LETTERS = 12;
const RELIABLE_LETTERS = 30;
const RELIABLE_PROBABILITY = 0.9;
/** Only the start of long texts is read: enough to tell the language, bounded in time. */
const MAX_CHARS = 1000;

/** Campaigns repeat the same text: recent answers are kept (bounded). */
const cache = new Map<string, LanguageGuess | undefined>();
const CACHE_SIZE = 5000;

export function identifyLanguage(text: string): LanguageGuess | undefined {
  if (!identifier) return undefined;
  if (cache.has(text)) return cache.get(text);
  const guess = guessLanguage(identifier, text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, guess);
  return guess;
}

function guessLanguage(identifier: LanguageIdentifier, text: string): LanguageGuess | undefined {
  // The normaliser's view: styled letters folded, spread letters joined, slang spelled out.
  const sample = normalise(text.slice(0, MAX_CHARS)).plain.text;
  let letters = 0;
  for (const ch of sample) if (/\p{L}/u.test(ch) && ++letters >= RELIABLE_LETTERS) break;
  if (letters < MIN_LETTERS) return undefined;
  const r = identifier.findLanguage(sample);
  if (!r.language || r.language === 'und') return undefined;
  const nusantara = ['id', 'ms', 'jv', 'su'].includes(r.language);
  const reliable =
    r.is_reliable && r.probability >= RELIABLE_PROBABILITY && letters >= RELIABLE_LETTERS && (nusantara || !looksNusantara(sample));
  return { language: r.language, probability: Math.round(r.probability * 1000) / 1000, reliable };
}
