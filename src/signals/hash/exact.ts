/**
 * Exact hashes of content bytes: MD5 (what most industry hash lists still exchange) and SHA-256.
 * Files are streamed, so memory stays constant whatever their size.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SaringError } from '../../errors/errors.js';

export interface ExactHashes {
  /** 32 lowercase hex digits. */
  md5: string;
  /** 64 lowercase hex digits. */
  sha256: string;
  /** Number of bytes hashed. */
  bytes: number;
}

/** MD5 of bytes, lowercase hex. */
export function md5(data: Uint8Array | string): string {
  return createHash('md5').update(data).digest('hex');
}

/** SHA-256 of bytes, lowercase hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** MD5 and SHA-256 of bytes in memory. */
export function exactHashes(data: Uint8Array): ExactHashes {
  return { md5: md5(data), sha256: sha256(data), bytes: data.length };
}

/**
 * MD5 and SHA-256 of a file, read once as a stream.
 *
 * @example
 * const { md5, sha256 } = await exactHashesOfFile('upload.mp4');
 */
export async function exactHashesOfFile(path: string, options: { maxBytes?: number } = {}): Promise<ExactHashes> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new SaringError('validation_failed', `${path} is not a regular file.`);
    size = s.size;
  } catch (err) {
    if (err instanceof SaringError) throw err;
    throw new SaringError('not_found', `${path} cannot be read: ${(err as Error).message}`);
  }
  if (options.maxBytes !== undefined && size > options.maxBytes) {
    throw new SaringError('media_too_large', `${path} is ${size} bytes; the limit is ${options.maxBytes}.`);
  }
  const m = createHash('md5');
  const s = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const b = chunk as Buffer;
    m.update(b);
    s.update(b);
    bytes += b.length;
    if (options.maxBytes !== undefined && bytes > options.maxBytes) {
      // The file grew while being read.
      throw new SaringError('media_too_large', `${path} is over the limit of ${options.maxBytes} bytes.`);
    }
  }
  return { md5: m.digest('hex'), sha256: s.digest('hex'), bytes };
}
