/**
 * PDQ perceptual hashing: the public entry of `signals/hash` for images.
 *
 * - `pdqFromImage(input, options)`: hash of an image file or buffer, compatible with Meta's
 *   reference `pdq-photo-hasher` (decoding and the reference's 512×512 pre-resize in image.ts).
 * - `pdqFromLuma(luma, width, height, options)`: the pure core (pdq-core.ts), used by video frames.
 * - `hammingDistance`, `parsePdqHex`, `formatPdqHex`, `isPdqHex`: hash helpers for matchers.
 *
 * @example
 * const a = await pdqFromImage('upload.jpg', { dihedral: true });
 * const b = await pdqFromImage(buffer);
 * if (a.quality >= PDQ_MIN_QUALITY && hammingDistance(a.hash, b.hash) <= PDQ_MATCH_THRESHOLD) { ... }
 */
export * from './pdq-core.js';
export { pdqFromImage, decodeImage, DEFAULT_MAX_PIXELS, DEFAULT_MAX_IMAGE_BYTES, PDQ_PRE_RESIZE } from './image.js';
export type { PdqImageOptions, ImageDecodeOptions, DecodedImage } from './image.js';
export { detectContentRect } from './letterbox.js';
export type { LetterboxOptions } from './letterbox.js';
