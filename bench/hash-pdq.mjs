// Hash-signal benchmark: PDQ throughput on a 1280×720 JPEG, the pure PDQ core on 1280×720 luma,
// and vPDQ cost per second of video on the sample videos in test/fixtures/vpdq (Meta's, BSD).
//
//   npx tsc -p tsconfig.build.json && node bench/hash-pdq.mjs [--rounds N]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'signals', 'hash');
const source = join(root, 'src', 'signals', 'hash');
if (!existsSync(join(dist, 'pdq.js')) || !existsSync(join(dist, 'vpdq.js'))) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first.');
  process.exit(1);
}
{
  const newest = Math.max(...readdirSync(source).map((f) => statSync(join(source, f)).mtimeMs));
  if (newest > statSync(join(dist, 'pdq.js')).mtimeMs) console.warn('warning: src/signals/hash is newer than dist/; rebuild for current figures.');
}

const { pdqFromImage, pdqFromLuma } = await import(join(dist, 'pdq.js'));
const { hashVideo } = await import(join(dist, 'vpdq.js'));
const { resolveFfmpeg } = await import(join(dist, 'ffmpeg.js'));
const sharp = (await import('sharp')).default;

const argRounds = process.argv.indexOf('--rounds');
const rounds = argRounds > 0 ? Number(process.argv[argRounds + 1]) : 30;
const fixtures = join(root, 'test', 'fixtures');

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[s.length >> 1], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
};
const fmt = (x) => x.toFixed(1);

console.log(`node ${process.version}, ${availableParallelism()} CPUs, sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips})`);

// ---------------------------------------------------------------- PDQ of a 1280×720 JPEG
const jpeg = await sharp(join(fixtures, 'pdq', 'images', 'bridge-mods', 'aaa-orig.jpg'))
  .resize(1280, 720, { fit: 'fill' })
  .jpeg({ quality: 90 })
  .toBuffer();
for (const [label, options] of [
  ['pdqFromImage 1280×720 JPEG', {}],
  ['pdqFromImage 1280×720 JPEG, 8 dihedral', { dihedral: true }],
  ['pdqFromImage 1280×720 JPEG, + letterbox', { letterbox: true }],
]) {
  for (let i = 0; i < 5; i++) await pdqFromImage(jpeg, options); // warm-up
  const ms = [];
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await pdqFromImage(jpeg, options);
    ms.push(performance.now() - t);
  }
  const total = performance.now() - t0;
  const s = stats(ms);
  console.log(`${label}: ${fmt((rounds * 1000) / total)} images/s sequential (median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms)`);
}
{
  // Concurrency: sharp decodes on libuv threads, so several images in flight use several cores.
  const inFlight = availableParallelism();
  const n = rounds * 2;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < n) await pdqFromImage(jpeg);
    }),
  );
  console.log(`pdqFromImage 1280×720 JPEG, ${inFlight} in flight: ${fmt((n * 1000) / (performance.now() - t0))} images/s`);
}

// ---------------------------------------------------------------- the pure core on a full frame
{
  const w = 1280;
  const h = 720;
  const luma = new Float32Array(w * h);
  for (let i = 0; i < luma.length; i++) luma[i] = (i * 2654435761) % 256;
  for (let i = 0; i < 5; i++) pdqFromLuma(luma, w, h);
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    pdqFromLuma(luma, w, h);
    ms.push(performance.now() - t);
  }
  const s = stats(ms);
  console.log(`pdqFromLuma 1280×720 (one video frame at its own size): median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms`);
}

// ---------------------------------------------------------------- vPDQ
const bin = await resolveFfmpeg();
console.log(`ffmpeg: ${bin.version.slice(0, 60)} (${bin.source})`);
for (const name of ['doorknob-hd-no-bar', 'pattern-sd-grey-bar']) {
  const path = join(fixtures, 'vpdq', 'videos', `${name}.mp4`);
  for (const [label, options] of [
    ['1 hash/s', {}],
    ['1 hash/s + letterbox', { letterbox: true }],
    ['every frame', { secondsPerHash: 0 }],
  ]) {
    await hashVideo(path, options); // warm-up (and the ffmpeg lookup)
    const ms = [];
    let info;
    let frames = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await hashVideo(path, options);
      ms.push(performance.now() - t);
      info = r.info;
      frames = r.frames.length;
    }
    const s = stats(ms);
    console.log(
      `vPDQ ${name} (${info.width}×${info.height}, ${info.durationSeconds} s), ${label}: ${fmt(s.median / info.durationSeconds)} ms per second of video (${frames} frames, ${fmt(s.median)} ms total)`,
    );
  }
}
