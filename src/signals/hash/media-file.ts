/** Checks and reads of a media file on disk, with the errors every media reader gives. */
import { open, stat } from 'node:fs/promises';
import { isSaringError, SaringError } from '../../errors/errors.js';
import { invalidMedia } from './media-errors.js';

function unreadable(path: string, err: unknown): SaringError {
  const code = (err as NodeJS.ErrnoException).code;
  return new SaringError('not_found', code === 'ENOENT' ? `No such file: ${path}` : `${path} cannot be read: ${(err as Error).message}`);
}

/**
 * The size of a regular, non-empty file: `not_found` when it cannot be read, `invalid_media`
 * when it is not a regular file or is empty. `what` names it in messages (`Video`, `Media`).
 */
export async function mediaFileSize(path: string, what?: string): Promise<number> {
  const name = what ? `${what} ${path}` : path;
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw invalidMedia(`${name} is not a regular file.`);
    size = s.size;
  } catch (err) {
    if (isSaringError(err)) throw err;
    throw unreadable(path, err);
  }
  if (size === 0) throw invalidMedia(`${name} is empty (0 bytes).`, { bytes: 0 });
  return size;
}

/** Reads at most `max` bytes of a file from the start. */
export async function readHead(path: string, max: number): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw unreadable(path, err);
  }
  try {
    const buf = Buffer.alloc(max);
    let filled = 0;
    while (filled < max) {
      const { bytesRead } = await fh.read(buf, filled, max - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  } finally {
    await fh.close();
  }
}
