/**
 * Hashing for the classifier: 32-bit FNV-1a over UTF-16 units with a murmur3 finaliser (FNV's
 * low bits alone are weak for a power-of-two table), and a 64-bit key for de-duplication.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 units of `s`, starting from `basis`. */
export function fnv1a(s: string, basis: number = FNV_OFFSET): number {
  let h = basis >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit hashes (order matters). */
export function combine(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}

/** A 64-bit key of a string as two 32-bit halves (two independent FNV-1a streams). */
export function key64(s: string): [number, number] {
  let h1 = FNV_OFFSET;
  let h2 = 0x6c62272e;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return [fmix32(h1 ^ s.length), fmix32(h2 ^ Math.imul(s.length, 0x27d4eb2d))];
}

/** A number in [0, 1) from a 64-bit key and a seed: where a text falls in a seeded split. */
export function unitInterval(hi: number, lo: number, seed: number): number {
  const h = combine(combine(hi, lo), fmix32((seed ^ 0x5f3759df) >>> 0));
  return h / 4294967296;
}
