/**
 * Character tables for what Unicode NFKC does not fold: small capitals, negative
 * circled / squared and parenthesised letters, dingbat digits, and letters from other
 * scripts that spammers use as look-alikes of Latin ones. Keys are code points.
 */

function range(into: Map<number, string>, first: number, values: string[]): void {
  values.forEach((v, i) => into.set(first + i, v));
}

const AZ = 'abcdefghijklmnopqrstuvwxyz'.split('');
const ONE_TO_TEN = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

/** Mapped before NFKC, by the original code point. Every entry counts as styled. */
export const DIRECT_MAP: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>();
  // Small capitals (ᴀ ʙ ᴄ …); ǫ stands in for the missing small-capital q in "small caps" fonts.
  const smallCaps: Array<[number, string]> = [
    [0x1d00, 'a'], [0x0299, 'b'], [0x1d04, 'c'], [0x1d05, 'd'], [0x1d07, 'e'], [0xa730, 'f'],
    [0x0262, 'g'], [0x029c, 'h'], [0x026a, 'i'], [0x1d0a, 'j'], [0x1d0b, 'k'], [0x029f, 'l'],
    [0x1d0d, 'm'], [0x0274, 'n'], [0x1d0f, 'o'], [0x1d18, 'p'], [0x01eb, 'q'], [0x0280, 'r'],
    [0xa731, 's'], [0x1d1b, 't'], [0x1d1c, 'u'], [0x1d20, 'v'], [0x1d21, 'w'], [0x028f, 'y'],
    [0x1d22, 'z'], [0x1d01, 'ae'], [0x1d19, 'r'], [0x1d0e, 'n'],
  ];
  for (const [cp, v] of smallCaps) m.set(cp, v);
  range(m, 0x249c, AZ); // ⒜ parenthesised small letters (NFKC gives "(a)")
  range(m, 0x1f110, AZ); // 🄐 parenthesised capitals
  range(m, 0x1f150, AZ); // 🅐 negative circled capitals
  range(m, 0x1f170, AZ); // 🅰 negative squared capitals
  range(m, 0x2776, ONE_TO_TEN); // ❶ dingbat negative circled digits
  range(m, 0x2780, ONE_TO_TEN); // ➀ dingbat circled sans-serif digits
  range(m, 0x278a, ONE_TO_TEN); // ➊ dingbat negative circled sans-serif digits
  range(m, 0x24f5, ONE_TO_TEN); // ⓵ double circled digits
  range(m, 0x24eb, ['11', '12', '13', '14', '15', '16', '17', '18', '19', '20']); // ⓫
  m.set(0x24ff, '0'); // ⓿
  m.set(0x1f10b, '0');
  m.set(0x1f10c, '0');
  return m;
})();

/**
 * Look-alikes applied to each character NFKC produced, before lower-casing, because some
 * pairs differ by case (Greek capital Η looks like H, its small form η like n).
 */
export const CONFUSABLE_CASED: ReadonlyMap<string, string> = new Map([
  // Greek capitals
  ['Α', 'a'], ['Β', 'b'], ['Ε', 'e'], ['Ζ', 'z'], ['Η', 'h'], ['Ι', 'i'], ['Κ', 'k'], ['Μ', 'm'],
  ['Ν', 'n'], ['Ο', 'o'], ['Ρ', 'p'], ['Τ', 't'], ['Υ', 'y'], ['Χ', 'x'], ['Λ', 'a'], ['Σ', 'e'],
  ['Π', 'n'], ['Δ', 'a'], ['Θ', 'o'], ['Ω', 'o'],
  // Cyrillic capitals
  ['А', 'a'], ['В', 'b'], ['С', 'c'], ['Е', 'e'], ['Н', 'h'], ['І', 'i'], ['Ј', 'j'], ['К', 'k'],
  ['М', 'm'], ['О', 'o'], ['Р', 'p'], ['Ѕ', 's'], ['Т', 't'], ['Х', 'x'], ['У', 'y'], ['Я', 'r'],
  ['И', 'n'], ['П', 'n'], ['Ь', 'b'], ['Ш', 'w'], ['Щ', 'w'], ['Ц', 'u'], ['Ԛ', 'q'], ['Ԝ', 'w'],
  ['Һ', 'h'], ['Ү', 'y'], ['Ӏ', 'l'], ['Ԁ', 'd'], ['Ԍ', 'g'],
]);

/** Look-alikes applied after lower-casing and stripping marks. */
export const CONFUSABLE_LOWER: ReadonlyMap<string, string> = new Map([
  // Greek
  ['α', 'a'], ['β', 'b'], ['γ', 'y'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'],
  ['ο', 'o'], ['ρ', 'p'], ['σ', 'o'], ['ς', 's'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'],
  ['μ', 'u'], ['π', 'n'], ['θ', 'o'], ['ϲ', 'c'], ['ϳ', 'j'], ['ϱ', 'p'],
  // Cyrillic
  ['а', 'a'], ['в', 'b'], ['с', 'c'], ['е', 'e'], ['н', 'h'], ['і', 'i'], ['ј', 'j'], ['к', 'k'],
  ['м', 'm'], ['о', 'o'], ['р', 'p'], ['ѕ', 's'], ['т', 't'], ['х', 'x'], ['у', 'y'], ['я', 'r'],
  ['и', 'n'], ['п', 'n'], ['ь', 'b'], ['ш', 'w'], ['щ', 'w'], ['ц', 'u'], ['ԛ', 'q'], ['ԝ', 'w'],
  ['һ', 'h'], ['ү', 'y'], ['ӏ', 'l'], ['ԁ', 'd'], ['ԍ', 'g'],
  // Latin variants that are not compatibility-decomposed
  ['ɑ', 'a'], ['ɡ', 'g'], ['ı', 'i'], ['ȷ', 'j'], ['ɩ', 'i'], ['ʋ', 'v'], ['ɒ', 'a'], ['ꞵ', 'b'],
  ['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'], ['ø', 'o'], ['đ', 'd'], ['ł', 'l'], ['ħ', 'h'],
  // Armenian
  ['օ', 'o'], ['ս', 'u'], ['հ', 'h'], ['ո', 'n'], ['ց', 'g'], ['զ', 'q'],
  // Cherokee (capitals and their small forms)
  ['Ꭺ', 'a'], ['Ᏼ', 'b'], ['Ꮯ', 'c'], ['Ꭼ', 'e'], ['Ꮐ', 'g'], ['Ꮋ', 'h'], ['Ꭵ', 'i'], ['Ꮶ', 'k'],
  ['Ꮇ', 'm'], ['Ꮲ', 'p'], ['Ꮪ', 's'], ['Ꭲ', 't'], ['Ꮃ', 'w'], ['Ꮩ', 'v'], ['Ꮓ', 'z'],
  ['ꭺ', 'a'], ['ꮟ', 'b'], ['ꮯ', 'c'], ['ꭼ', 'e'], ['ꮐ', 'g'], ['ꮋ', 'h'], ['ꭵ', 'i'], ['ꮶ', 'k'],
  ['ꮇ', 'm'], ['ꮲ', 'p'], ['ꮪ', 's'], ['ꭲ', 't'], ['ꮃ', 'w'], ['ꮩ', 'v'], ['ꮓ', 'z'],
  // Canadian syllabics used as letters in "fancy text" generators
  ['ᗩ', 'a'], ['ᗷ', 'b'], ['ᑕ', 'c'], ['ᗪ', 'd'], ['ᗴ', 'e'], ['ᖴ', 'f'], ['ᕼ', 'h'], ['ᒍ', 'j'],
  ['ᒪ', 'l'], ['ᗰ', 'm'], ['ᑎ', 'n'], ['ᑭ', 'p'], ['ᖇ', 'r'], ['ᔕ', 's'], ['ᑌ', 'u'], ['ᐯ', 'v'],
  ['ᗯ', 'w'], ['᙭', 'x'], ['ᘔ', 'z'],
  // Georgian / other small letters from the same generators
  ['ᥲ', 'a'], ['ᑲ', 'b'], ['ᥴ', 'c'], ['ძ', 'd'], ['ᥱ', 'e'], ['ᥣ', 'l'], ['ᥒ', 'n'], ['᥆', 'o'],
  ['⍴', 'p'], ['ᥙ', 'u'], ['᥎', 'v'], ['ᥕ', 'w'], ['᥊', 'x'], ['ᥡ', 'y'],
  // Lycian and Carian capitals that look like Latin ones
  ['𐊀', 'a'], ['𐊂', 'b'], ['𐊆', 'i'], ['𐊍', 'l'], ['𐊎', 'm'], ['𐊒', 'u'], ['𐊕', 'r'], ['𐊗', 't'],
  ['𐊠', 'a'], ['𐊡', 'p'], ['𐊢', 'd'], ['𐊫', 'o'], ['𐊲', 'x'],
]);

/** Symbols whose NFKC form is letters ("™" → "TM") but which are not letters to a reader. */
export function keepsSymbol(cp: number): boolean {
  return (cp >= 0x2120 && cp <= 0x2122) || cp === 0x213b || (cp >= 0x3250 && cp <= 0x33ff) || cp === 0x1f16a || cp === 0x1f16b || cp === 0x1f16c;
}

/** Superscript digits are ordinary Indonesian reduplication ("hari²"), not styling. */
export function isPlainDigitVariant(cp: number): boolean {
  return cp === 0xb2 || cp === 0xb3 || cp === 0xb9 || (cp >= 0x2070 && cp <= 0x209f);
}

/** Invisible characters that are not in \p{Cf}: Hangul fillers, Mongolian/Khmer vowel carriers. */
export function isInvisible(cp: number): boolean {
  return cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || cp === 0x17b4 || cp === 0x17b5 || cp === 0x034f;
}
