// The media pipeline end to end — decoding, vPDQ, repeat skipping, nudity classifier (worker
// threads), OCR, keyframes, audio + voice activity, thumbnails, then the scan — on generated media.
//
//   npm run bench:media      (builds first)
//   node bench/media.mjs [--images N] [--source testsrc2|smptebars|mandelbrot] [--video FILE]
//   (--images 0 skips the images; --video FILE analyses that file instead of making the 60 s video)
//
// Prints images/s for the full image pipeline; the wall time of a 60 s 1280×720 video (models
// loaded, after a 2 s warm-up video) beside the reference measured in the same run — the same
// ffmpeg binary alone decoding that video at 1 fps (`ffmpeg -i video -vf fps=1 -f null -`, before
// and after the pipeline, mean of the two) — and their ratio (issue 15's target: ≤ 2.5×); and the
// peak memory of the process (resident set, including the worker threads).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = (p) => import(join(root, 'dist', p));
const { analyseMedia } = await dist('media/analyse.js');
const { MediaEngines } = await dist('media/engines.js');
const { makeVideo, renderImage } = await dist('demo/media-fixtures.js');
const { builtinScanConfig } = await dist('scan/scan-config.js');
const { scanTexts } = await dist('scan/scan.js');
const { resolveFfmpeg, runBounded } = await dist('signals/hash/ffmpeg.js');
const { initLanguageId } = await dist('signals/text/language.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const images = Number(arg('--images', 40));
const source = arg('--source', 'testsrc2');
const given = arg('--video', undefined);

/** CPU seconds of this process (all threads) and of its finished child processes (ffmpeg), from /proc. */
const cpuSeconds = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
};

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 50);

const dir = mkdtempSync(join(tmpdir(), 'saring-bench-media-'));
try {
  await initLanguageId();
  const config = builtinScanConfig();
  const engines = new MediaEngines({});
  let t0 = performance.now();
  const [nudity] = await Promise.all([engines.nudity(), engines.ocr()]);
  const loadMs = performance.now() - t0;

  // ---- images: distinct 1280×720 pictures, half with promotional text
  const files = [];
  for (let i = 0; i < images; i++) {
    const path = join(dir, `img-${i}.jpg`);
    const text = i % 2 ? `SLOT GACOR ${i} MAXWIN` : undefined;
    writeFileSync(path, await renderImage({ width: 1280, height: 720, background: `hsl(${(i * 37) % 360}, 60%, 40%)`, format: 'jpeg', ...(text ? { text, fontSize: 64 } : {}) }));
    files.push(path);
  }
  if (files.length) await analyseMedia(files[0], engines); // warm-up
  t0 = performance.now();
  let flagged = 0;
  // Two at a time: the nudity threads and OCR overlap across images.
  for (let i = 0; i < files.length; i += 2) {
    const pair = await Promise.all(files.slice(i, i + 2).map((f) => analyseMedia(f, engines)));
    for (const { findings } of pair) if (scanTexts(config, { texts: {}, audience: 'general', media: [findings] }).action !== 'allow') flagged++;
  }
  const imageMs = performance.now() - t0;

  // ---- a 60 s 1280×720 30 fps video with sound and a gambling overlay at 5–8 s
  const video = given ?? join(dir, 'video.mp4');
  t0 = performance.now();
  if (!given) await makeVideo(video, { seconds: 60, width: 1280, height: 720, fps: 30, source, audio: 'sine', overlays: [{ text: 'SLOT GACOR MAXWIN 88', from: 5, to: 8 }] });
  const makeMs = performance.now() - t0;
  // Warm-up on a 2 s video, as a running server would be: the voice-activity model loads and the
  // video code paths compile before the timed run (the image models were loaded above).
  const warm = join(dir, 'warm-up.mp4');
  await makeVideo(warm, { seconds: 2, width: 1280, height: 720, fps: 30, source, audio: 'sine' });
  await analyseMedia(warm, engines);
  // The reference: the pipeline's own ffmpeg binary decoding the same file at 1 fps, nothing else.
  const ffmpeg = await resolveFfmpeg();
  let refCpu = 0;
  const decodeAlone = async () => {
    const t = performance.now();
    const c = cpuSeconds();
    const r = await runBounded(ffmpeg.path, ['-nostdin', '-i', video, '-vf', 'fps=1', '-f', 'null', '-'], { timeoutMs: 600_000, maxStdout: 0 });
    if (r.code !== 0) throw new Error(`ffmpeg alone failed on the video: ${r.stderr.trim().split('\n').slice(-2).join(' / ')}`);
    refCpu += (cpuSeconds() - c) / 2;
    return performance.now() - t;
  };
  const refBefore = await decodeAlone();
  t0 = performance.now();
  const cpu0 = cpuSeconds();
  const { findings } = await analyseMedia(video, engines, { thumbnailDir: join(dir, 'thumbs') });
  const verdict = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
  const videoMs = performance.now() - t0;
  const videoCpu = cpuSeconds() - cpu0;
  const refAfter = await decodeAlone();
  const refMs = (refBefore + refAfter) / 2;
  await engines.close();
  clearInterval(timer);
  sample();

  const hit = findings.ocr.find((l) => /SLOTGACOR/.test(l.text.toUpperCase().replace(/[^A-Z0-9]/g, '')));
  console.log(`media pipeline — ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`);
  console.log(`  models loaded in ${(loadMs / 1000).toFixed(1)} s (nudity classifier on ${nudity.threads} worker threads, OCR)`);
  if (images) console.log(`  images: ${images} × 1280×720 JPEG → ${(images / (imageMs / 1000)).toFixed(1)} images/s (${(imageMs / images).toFixed(0)} ms each; ${flagged} of ${images / 2} with text flagged)`);
  console.log(`  video: ${given ? given : `60 s 1280×720 30 fps ${source} (made in ${(makeMs / 1000).toFixed(1)} s)`} → ${(videoMs / 1000).toFixed(2)} s wall`);
  console.log(`    reference, ffmpeg alone at 1 fps (\`ffmpeg -i video -vf fps=1 -f null -\`, ${ffmpeg.version.replace(/^ffmpeg version /, '').split(' ')[0]}): ${(refBefore / 1000).toFixed(2)} s before, ${(refAfter / 1000).toFixed(2)} s after → ${(refMs / 1000).toFixed(2)} s`);
  console.log(`    pipeline / ffmpeg alone: ${(videoMs / refMs).toFixed(2)}× (target ≤ 2.5×)`);
  console.log(`    CPU time (all threads and ffmpeg processes): pipeline ${videoCpu.toFixed(1)} s, ffmpeg alone ${refCpu.toFixed(1)} s`);
  console.log(`    frames: ${JSON.stringify(findings.frames)}`);
  console.log(`    steps: ${findings.steps.map((s) => `${s.step} ${s.status} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`    verdict: ${verdict.action}${hit ? `; "${hit.text}" on screen ${hit.timestamp}–${hit.until} s` : '; overlay NOT read'}`);
  console.log(`  peak memory (RSS): ${(peak / 1024 / 1024).toFixed(0)} MiB`);
} finally {
  clearInterval(timer);
  rmSync(dir, { recursive: true, force: true });
}
