import type { Audience } from '../policy/schema.js';
import type { MediaFindings } from '../scan/media-findings.js';
import type { Verdict } from '../scan/verdict.js';
import type { StoredUpload } from './intake.js';

/** The media part of the engine: uploads, one-off file scans, thumbnails for the console. */
export interface MediaApi {
  /** Stores an image or video for a later `POST /v1/content` (`media[].upload`); same bytes, same id. */
  upload(body: Buffer | NodeJS.ReadableStream): Promise<StoredUpload>;
  /** Analyses one image or video file and judges it with optional texts; nothing is stored but thumbnails. */
  scanFile(path: string, options?: { texts?: Record<string, string>; audience?: Audience; signal?: AbortSignal }): Promise<{ verdict: Verdict; findings: MediaFindings }>;
  /** The file of a stored thumbnail (`<name>.jpg` or `<name>.blur.jpg` of the media with this SHA-256); throws not_found. */
  thumbnail(sha256: string, name: string): Promise<string>;
  /** Stops the models' worker threads (the engine's close does it too). */
  close(): Promise<void>;
}
