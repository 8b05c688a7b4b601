import { loadModule, type LanguageIdentifier } from 'cld3-asm';
import { normalise, type NormalisedText } from './normalise.js';

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
   * at least 30 letters (60, and not made largely of Indonesian, regional or English everyday
   * words, for any other language). Short promotional texts full of brand names and slang are
   * often "reliably" something exotic to CLD3; this keeps them from counting.
   */
  reliable: boolean;
}

/**
 * Everyday words of informal Indonesian, Javanese, Sundanese and Malay (and the English function
 * words they mix with). CLD3 was trained on formal text and calls short slangy Indonesian ads
 * Hausa, Welsh, Frisian or Afrikaans; a text made largely of these words is not foreign. Words
 * that other languages share (gratis, video, promo) are left out: a Spanish text with "video
 * gratis" stays Spanish.
 */
const SUPPORTED_MARKERS = new Set(
  [
    // Indonesian, formal and informal
    'yang dan di ke dari ini itu aja ajah banget bgt bikin sama main terus trus lagi udah sudah gak ga nggak tidak bisa mau kalo kalau juga buat sih deh dong nih tuh kok gue gua aku kamu lu lo kita kami dia mereka ada jadi tapi atau karena biar pas baru cuma makin lebih paling gitu gini kasih dapat dapet langsung auto cepat cepet setiap tiap hari malam pagi bareng teman gengs bosku bang kak mas',
    'untuk dengan tanpa dulu sana sini sini mana apa siapa kenapa gimana bagaimana harus jangan belum masih pernah akan lagi saja hanya sangat agak kayak kaya seperti tolong minta mohon terima kasih selamat',
    'jual beli harga murah daftar klik kirim tanya japri cod ready stok sedia cocok daerah kota naik turun bayar transfer uang duit rekening nomor hubungi info terbaru viral grup nonton cek izin beri berikan',
    'orang anak ibu bapak mama papa tante om adik kakak saya anda kalian bro sis gan min',
    // Javanese
    'ora opo aku kowe sing karo wis wae lur rego sak iki kuwi ning neng arep ayo piye ngopo durung mung tenan akeh mbak dulur monggo sampeyan',
    // Sundanese
    'teu naon abdi anjeun urang nu jeung ti geus keur mah atuh euy pisan kumaha sareng aya henteu bade mangga',
    // Malay
    'tak boleh awak nak kat sahaja je pun lah ni tu',
    // English function words
    'the and are you your their they this that with for from have will just here now click',
  ]
    .join(' ')
    .split(' '),
);

/** Two or more marker words making up at least a fifth of the words, or five or more. */
function looksSupported(sample: string): boolean {
  const words = sample.split(/[^\p{L}]+/u).filter(Boolean);
  let n = 0;
  for (const word of words) if (SUPPORTED_MARKERS.has(word)) n++;
  return n >= 5 || (n >= 2 && n >= words.length / 5);
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
/**
 * A guess of a language the markers do not cover needs more text: CLD3 is "reliably" Frisian or
 * Swahili about many short Indonesian ads ("open bo area jaksel 500k include room").
 */
const RELIABLE_FOREIGN_LETTERS = 60;
const RELIABLE_PROBABILITY = 0.9;
/** Only the start of long texts is read: enough to tell the language, bounded in time. */
const MAX_CHARS = 1000;

/** Campaigns repeat the same text: recent answers are kept (bounded). */
const cache = new Map<string, LanguageGuess | undefined>();
const CACHE_SIZE = 5000;

/**
 * The language of `text`, or undefined when there are too few letters to tell (or the model is
 * not loaded). `normalised`, when given, must be `normalise(text)`: the scan path has it already.
 */
export function identifyLanguage(text: string, normalised?: NormalisedText): LanguageGuess | undefined {
  if (!identifier) return undefined;
  if (cache.has(text)) return cache.get(text);
  const guess = guessLanguage(identifier, text, normalised);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, guess);
  return guess;
}

/** 0 unknown, 1 a letter, 2 not, per BMP code point. */
const bmpLetter = new Uint8Array(0x10000);
const RE_LETTER = /^\p{L}$/u;

/** Letters in `sample` (code points of \p{L}), counted up to `limit`. */
function countLetters(sample: string, limit: number): number {
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    let cp = sample.charCodeAt(i);
    let letter: boolean;
    if (cp < 0x80) letter = (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
    else {
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < sample.length) {
        const lo = sample.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (cp < 0x10000) {
        let k = bmpLetter[cp]!;
        if (k === 0) bmpLetter[cp] = k = RE_LETTER.test(String.fromCharCode(cp)) ? 1 : 2;
        letter = k === 1;
      } else letter = RE_LETTER.test(String.fromCodePoint(cp));
    }
    if (letter && ++letters >= limit) break;
  }
  return letters;
}

function guessLanguage(identifier: LanguageIdentifier, text: string, normalised?: NormalisedText): LanguageGuess | undefined {
  // The normaliser's view: styled letters folded, spread letters joined, slang spelled out.
  const sample = (normalised && text.length <= MAX_CHARS ? normalised : normalise(text.slice(0, MAX_CHARS))).plain.text;
  const letters = countLetters(sample, RELIABLE_FOREIGN_LETTERS);
  if (letters < MIN_LETTERS) return undefined;
  const r = identifier.findLanguage(sample);
  if (!r.language || r.language === 'und') return undefined;
  // The languages the markers are words of: a guess of one of them needs no second opinion.
  const marked = ['id', 'ms', 'jv', 'su', 'en'].includes(r.language);
  const reliable =
    r.is_reliable &&
    r.probability >= RELIABLE_PROBABILITY &&
    (marked ? letters >= RELIABLE_LETTERS : letters >= RELIABLE_FOREIGN_LETTERS && !looksSupported(sample));
  return { language: r.language, probability: Math.round(r.probability * 1000) / 1000, reliable };
}
