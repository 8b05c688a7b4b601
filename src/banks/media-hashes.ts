import { createHash } from 'node:crypto';
import type { CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import type { EntryInput, VpdqFrameHash } from './banks.js';
import type { MediaHashes } from './matcher.js';

/** A row of content_media_hashes for media `index` of a content item (`frames` as it is: JSON-encode it for a bound parameter). */
export function mediaHashRow(contentId: string, index: number, m: MediaHashes) {
  return {
    content_id: contentId,
    media_index: index,
    kind: m.kind,
    pdq: m.pdq?.hash ?? null,
    quality: m.pdq?.quality ?? null,
    cropped: m.cropped?.hash ?? null,
    cropped_quality: m.cropped?.quality ?? null,
    md5: m.md5 ?? null,
    sha256: m.sha256 ?? null,
    frames: m.frames ?? null,
  };
}

/** Replaces the stored media hashes of a content item (inside the caller's transaction). */
export async function storeMediaHashes(db: Db, contentId: string, media: { index: number; hashes: MediaHashes }[]): Promise<void> {
  await db.deleteFrom('content_media_hashes').where('content_id', '=', contentId).execute();
  if (media.length === 0) return;
  await db
    .insertInto('content_media_hashes')
    .values(
      media.map(({ index, hashes }) => {
        const row = mediaHashRow(contentId, index, hashes);
        return { ...row, frames: row.frames ? JSON.stringify(row.frames) : null };
      }),
    )
    .execute();
}

/** A stored row of content_media_hashes. */
export type MediaHashRow = {
  content_id: string;
  media_index: number;
  kind: string;
  pdq: string | null;
  quality: number | null;
  cropped: string | null;
  cropped_quality: number | null;
  md5: string | null;
  sha256: string | null;
  frames: unknown;
};

/** The hashes a stored row holds, as the matcher takes them. */
export function rowToHashes(r: MediaHashRow): MediaHashes {
  return {
    kind: r.kind as MediaHashes['kind'],
    ...(r.md5 ? { md5: r.md5 } : {}),
    ...(r.sha256 ? { sha256: r.sha256 } : {}),
    ...(r.pdq ? { pdq: { hash: r.pdq, quality: r.quality ?? 0 } } : {}),
    ...(r.cropped ? { cropped: { hash: r.cropped, quality: r.cropped_quality ?? 0 } } : {}),
    ...(r.frames ? { frames: r.frames as VpdqFrameHash[] } : {}),
  };
}

export async function mediaHashesOf(db: Db, contentId: string): Promise<MediaHashes[]> {
  const rows = await db.selectFrom('content_media_hashes').selectAll().where('content_id', '=', contentId).orderBy('media_index').execute();
  return rows.map((r) => rowToHashes(r as MediaHashRow));
}

/** Every stored content item's media hashes, page by page (retroactive matching walks them all). */
export async function* allMediaHashes(db: Db, pageSize = 2000): AsyncGenerator<{ contentId: string; mediaIndex: number; hashes: MediaHashes }[]> {
  let after: { c: string; i: number } | undefined;
  for (;;) {
    let q = db.selectFrom('content_media_hashes').selectAll().orderBy('content_id').orderBy('media_index').limit(pageSize);
    if (after) {
      const a = after;
      q = q.where((eb) => eb.or([eb('content_id', '>', a.c), eb.and([eb('content_id', '=', a.c), eb('media_index', '>', a.i)])]));
    }
    const rows = (await q.execute()) as MediaHashRow[];
    if (rows.length === 0) return;
    yield rows.map((r) => ({ contentId: r.content_id, mediaIndex: r.media_index, hashes: rowToHashes(r) }));
    const last = rows.at(-1)!;
    after = { c: last.content_id, i: last.media_index };
  }
}

/** An identifier for a video known only by its frame hashes. */
function framesId(frames: VpdqFrameHash[]): string {
  return createHash('sha256').update(frames.map((f) => f.hash).join(',')).digest('hex');
}

/** The bank entries that keep this media from coming back: perceptual and exact hashes. */
export function entriesForMedia(media: MediaHashes[], category: CategoryId, note?: string): EntryInput[] {
  const out: EntryInput[] = [];
  for (const m of media) {
    const common = { category, ...(note ? { note } : {}) };
    if (m.kind === 'image' && m.pdq) {
      out.push({ signalType: 'pdq', value: m.pdq.hash, quality: m.pdq.quality, ...(m.cropped ? { cropped: m.cropped.hash } : {}), ...common });
    }
    if (m.kind === 'video' && m.frames?.length) {
      out.push({ signalType: 'vpdq', value: m.sha256 ?? m.md5 ?? framesId(m.frames), frames: m.frames, ...common });
    }
    if (m.md5) out.push({ signalType: 'md5', value: m.md5, ...common });
    if (m.sha256) out.push({ signalType: 'sha256', value: m.sha256, ...common });
  }
  return out;
}
