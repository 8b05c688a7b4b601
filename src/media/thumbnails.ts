import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from '../errors/errors.js';

/** Thumbnail names as the pipeline writes them: the frame's time (`t0005.00.jpg`), blurred copies `….blur.jpg`. */
export const THUMBNAIL_NAME = /^t\d{4,6}\.\d{2}(\.blur)?\.jpg$/;

/** The file of a stored thumbnail of the media with this SHA-256, under `dir`; not_found otherwise (names are checked, so no path escapes). */
export async function thumbnailFile(dir: string, sha256: string, name: string): Promise<string> {
  if (!/^[0-9a-f]{64}$/.test(sha256) || !THUMBNAIL_NAME.test(name)) throw notFound('Thumbnail', `${sha256}/${name}`);
  const path = join(dir, sha256, name);
  const s = await stat(path).catch(() => undefined);
  if (!s?.isFile()) throw notFound('Thumbnail', `${sha256}/${name}`);
  return path;
}
