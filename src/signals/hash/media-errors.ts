import { SaringError } from '../../errors/errors.js';

/** The errors media decoding raises; `details` says which limit or fact. */
export function invalidMedia(message: string, details?: Record<string, unknown>): SaringError {
  return new SaringError('invalid_media', message, details);
}
export function mediaTooLarge(message: string, details?: Record<string, unknown>): SaringError {
  return new SaringError('media_too_large', message, details);
}
export function unsupportedMedia(message: string, details?: Record<string, unknown>): SaringError {
  return new SaringError('unsupported_media', message, details);
}
export function mediaTimeout(message: string, details?: Record<string, unknown>): SaringError {
  return new SaringError('media_timeout', message, details);
}
