// Hash-signal benchmark: PDQ of a 1280×720 JPEG in CPU ms per image beside Meta's C++ reference
// measured in the same run, PDQ throughput, the pure PDQ core on 1280×720 luma, and vPDQ cost per
// second of video on the sample videos in test/fixtures/vpdq (Meta's, BSD).
//
//   npx tsc -p tsconfig.build.json && PDQ_REFERENCE=/path/to/pdq-photo-hasher node bench/hash-pdq.mjs
//     [--cpu-rounds 5] [--images 40] [--cpu-only] [--rounds 30]
//
// PDQ_REFERENCE is Meta's `pdq-photo-hasher` (facebook/ThreatExchange, pdq/cpp). This benchmark
// never downloads or builds it; without it, it prints how to build it and measures Saring alone.
// CPU time is user + system of all threads: process.cpuUsage() for Saring (one process, images
// hashed one after another from the same file), the child's rusage (bash `times`) for the reference
// (one process given the same file N times, so its start-up is spread over N images).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 30);
const cpuRounds = arg('--cpu-rounds', 5);
const cpuImages = arg('--images', 40);
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
// ---------------------------------------------------------------- CPU per image, Saring and the reference
const HOW_TO_BUILD = `PDQ_REFERENCE is not set: Saring is measured alone. To measure Meta's reference beside it:
  git clone --depth 1 https://github.com/facebook/ThreatExchange && cd ThreatExchange/pdq/cpp
  make pdq-photo-hasher CFLAGS=-Dcimg_use_jpeg LFLAGS="-lm -lpthread -ljpeg" WFLAGS=-w
  PDQ_REFERENCE=$PWD/pdq-photo-hasher node bench/hash-pdq.mjs
(-Dcimg_use_jpeg makes CImg decode with libjpeg, as the figures here assume; without it CImg runs
ImageMagick's convert for every file. Needs g++ and libjpeg headers, e.g. apt-get install g++
libjpeg62-turbo-dev. Any build that takes file names and prints "hash,quality,file" lines works,
e.g. a stand-in main that decodes with libjpeg and calls the upstream pdqhashing/downscaling code.)`;
const reference = process.env.PDQ_REFERENCE;
const work = mkdtempSync(join(tmpdir(), 'saring-bench-pdq-'));
const jpegFile = join(work, 'frame-1280x720.jpg');
writeFileSync(jpegFile, jpeg);
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

async function saringCpuPerImage(input, n) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await pdqFromImage(input);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / n;
}
function referenceCpuPerImage(n) {
  // bash's `times` prints the children's user and system time after the reference has exited.
  const out = execFileSync('bash', ['-c', '"$@" > /dev/null; times', 'bench', reference, ...Array(n).fill(jpegFile)], { encoding: 'utf8' });
  const children = out.trim().split('\n').at(-1);
  const [user, system] = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return ((user + system) * 1000) / n;
}
const fmt2 = (x) => x.toFixed(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
{
  const ours = await pdqFromImage(jpegFile);
  if (reference) {
    const line = execFileSync(reference, [jpegFile], { encoding: 'utf8' }).trim().split('\n')[0];
    const [hash, quality] = line.split(',');
    const same = hash === ours.hash && Number(quality) === ours.quality;
    console.log(`reference: ${reference}\n  its hash of the 1280×720 JPEG: ${hash} q${quality}; Saring: ${ours.hash} q${ours.quality} (${same ? 'identical' : 'DIFFERENT'})`);
  } else {
    console.log(HOW_TO_BUILD);
  }
  for (let i = 0; i < 5; i++) await pdqFromImage(jpegFile); // warm-up
  const saringFile = [];
  const saringBuffer = [];
  const ref = [];
  // Interleaved rounds, so that both see the same machine load; medians over the rounds.
  for (let r = 0; r < cpuRounds; r++) {
    saringFile.push(await saringCpuPerImage(jpegFile, cpuImages));
    saringBuffer.push(await saringCpuPerImage(jpeg, cpuImages));
    if (reference) ref.push(referenceCpuPerImage(cpuImages));
  }
  const list = (xs) => xs.map(fmt).join(' ');
  console.log(`PDQ of a 1280×720 JPEG, CPU ms per image (median of ${cpuRounds} rounds of ${cpuImages} images, each round's figure in brackets):`);
  console.log(`  Saring pdqFromImage(file):   ${fmt2(median(saringFile))} ms  (${list(saringFile)})`);
  console.log(`  Saring pdqFromImage(buffer): ${fmt2(median(saringBuffer))} ms  (${list(saringBuffer)})`);
  if (reference) {
    console.log(`  reference pdq-photo-hasher:  ${fmt2(median(ref))} ms  (${list(ref)})`);
    console.log(`  ratio Saring(file) / reference: ${(median(saringFile) / median(ref)).toFixed(2)}×`);
  }
  // Where Saring's time goes: decoding (sharp/libvips) and the rest (luma, filter, DCT, bits).
  const { decodeImage } = await import(join(dist, 'image.js'));
  const c0 = process.cpuUsage();
  for (let i = 0; i < cpuImages; i++) (await decodeImage(jpegFile)).data.buffer.transfer(0); // freed at once, as pdqFromImage does
  const c = process.cpuUsage(c0);
  const decodeMs = (c.user + c.system) / 1000 / cpuImages;
  console.log(`  of which decoding (decodeImage, sharp ${sharp.versions.sharp}): ${fmt2(decodeMs)} ms; the rest (luma, filter, DCT, bits): ~${fmt2(Math.max(0, median(saringFile) - decodeMs))} ms`);
}
if (process.argv.includes('--cpu-only')) process.exit(0);

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
