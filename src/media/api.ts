import type { HashMediaOptions, MediaHashes } from '../signals/hash/media.js';
import type { StoredUpload } from './intake.js';

/** The media part of the engine: uploads and thumbnails for the console (analysis runs as jobs: see content). */
export interface MediaApi {
  /** Stores an image or video for a later `POST /v1/content` (`media[].upload`); same bytes, same id. */
  upload(body: Buffer | NodeJS.ReadableStream): Promise<StoredUpload>;
  /** Deletes a stored upload (one just stored and then refused); true when it existed. */
  removeUpload(upload: string): Promise<boolean>;
  /**
   * Hashes an image or video given as a stream (an HTTP body), within the media limits and at most
   * `SARING_HASH_CONCURRENCY` at once (a few more wait; beyond that `rate_limited`).
   */
  hash(body: NodeJS.ReadableStream, options?: Pick<HashMediaOptions, 'secondsPerHash' | 'dihedral'>): Promise<MediaHashes>;
  /**
   * The file of a content item's media (by position in `media`), to play or show it: uploads and
   * paths under the media roots (media fetched from a URL is not kept). With its MIME type.
   */
  file(contentIdOrExternalId: string, index: number): Promise<{ path: string; bytes: number; mimeType: string }>;
  /** The file of a stored thumbnail (`<name>.jpg` or `<name>.blur.jpg` of the media with this SHA-256); throws not_found. */
  thumbnail(sha256: string, name: string): Promise<string>;
  /** Stops the models' worker threads (the engine's close does it too). */
  close(): Promise<void>;
}
