import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../config/paths.js';
import type { ContentInput } from '../content/schema.js';
import type { Saring } from '../engine.js';
import { canDrawText, makeVideo, renderImage } from './media-fixtures.js';

/** Demo content: clean posts, criticism and news about gambling, gambling spam, scams, hate, … */
export function demoContent(): ContentInput[] {
  return JSON.parse(readFileSync(dataPath('demo', 'content.json'), 'utf8')) as ContentInput[];
}

/**
 * Demo media, generated on the spot (nothing is downloaded): a video with a gambling overlay
 * burned in under an innocent caption, a clean video with speech-free sound, and a promotional
 * picture. Needs a TrueType font to draw the text; without one there is no demo media.
 */
async function demoMedia(saring: Saring): Promise<ContentInput[]> {
  if (!canDrawText) return [];
  const dir = mkdtempSync(join(tmpdir(), 'saring-demo-'));
  try {
    const overlay = join(dir, 'overlay.mp4');
    const clean = join(dir, 'clean.mp4');
    await Promise.all([
      makeVideo(overlay, { seconds: 10, width: 640, height: 360, source: 'smptebars', overlays: [{ text: 'SLOT GACOR MAXWIN 88', from: 3, to: 6 }] }),
      makeVideo(clean, { seconds: 8, width: 640, height: 360, source: 'mandelbrot', audio: 'sine' }),
    ]);
    const picture = await renderImage({ width: 960, height: 540, text: 'DEPO 10RB WD CEPAT', background: '#1f6f4a', format: 'jpeg' });
    const [a, b, c] = await Promise.all([saring.media.upload(await readFile(overlay)), saring.media.upload(await readFile(clean)), saring.media.upload(picture)]);
    return [
      {
        externalId: 'demo-media-overlay',
        kind: 'video',
        account: { externalId: 'demo-user-promo', displayName: 'Tips Masak Cepat' },
        texts: { caption: 'Tutorial nasi goreng 5 menit #masak' },
        media: [{ type: 'video', upload: a!.upload }],
      },
      {
        externalId: 'demo-media-clean',
        kind: 'video',
        account: { externalId: 'demo-user-budi', displayName: 'Budi Jalan-jalan' },
        texts: { caption: 'Timelapse fraktal, pakai musik sendiri' },
        media: [{ type: 'video', upload: b!.upload }],
      },
      {
        externalId: 'demo-media-picture',
        kind: 'image',
        account: { externalId: 'demo-user-promo', displayName: 'Tips Masak Cepat' },
        texts: { caption: 'Info lengkap di bio' },
        media: [{ type: 'image', upload: c!.upload }],
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Loads the demo content (idempotent: items already there are left as they are). Returns how
 * many were new. Media items are analysed by the job queue after this returns.
 */
export async function loadDemo(saring: Saring): Promise<number> {
  let created = 0;
  for (const item of [...demoContent(), ...(await demoMedia(saring))]) {
    const result = await saring.content.submit(item, 'system:demo');
    if (result.created) created++;
  }
  return created;
}
