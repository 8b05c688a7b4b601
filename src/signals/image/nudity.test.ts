import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SaringError } from '../../errors/errors.js';
import { workerScript } from '../../shared/worker-script.js';
import { createNudityClassifier, inputSizeOf, NUDITY_INPUT_SIZE, type NudityClassifier, type NudityScores } from './nudity.js';

// The workers run the built dist/signals/image/nudity-worker.js: `npm test` builds first.
// Test images are only flat colours, gradients and rendered shapes/text.

const S = NUDITY_INPUT_SIZE;

function svg(body: string, w = 400, h = 300): Buffer {
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`);
}

const SHAPES_AND_TEXT = svg(
  '<rect width="400" height="300" fill="#f4f4f0"/>' +
    '<circle cx="90" cy="90" r="55" fill="#d33"/>' +
    '<rect x="200" y="40" width="150" height="100" fill="#36c"/>' +
    '<text x="30" y="250" font-family="sans-serif" font-size="42" fill="#222">Saring 2025</text>',
);

function gradient(id: number): Buffer {
  return svg(
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${id * 37},70%,40%)"/>` +
      `<stop offset="1" stop-color="hsl(${id * 37 + 120},60%,80%)"/></linearGradient></defs><rect width="400" height="300" fill="url(#g)"/>`,
  );
}

async function rgb(image: Buffer, size = S): Promise<Buffer> {
  return sharp(image).resize(size, size, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

function flat(colour: string, size = S): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: colour } }).raw().toBuffer();
}

function expectProbabilities(s: NudityScores): void {
  const values = [s.porn, s.hentai, s.sexy, s.drawing, s.neutral];
  for (const v of values) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
    expect(Math.round(v * 10_000)).toBeCloseTo(v * 10_000, 6); // rounded to 4 decimals
  }
  expect(Math.abs(values.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.002);
}

async function rejection(p: Promise<unknown>): Promise<SaringError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SaringError);
  return err as SaringError;
}

describe('nudity classifier (2 threads)', () => {
  let nudity: NudityClassifier;
  beforeAll(async () => {
    nudity = await createNudityClassifier({ threads: 2 });
  });
  afterAll(async () => {
    await nudity?.close();
  });

  it('reports its model, threads and input size', () => {
    expect(nudity.model).toBe('MobileNetV2Mid');
    expect(nudity.threads).toBe(2);
    expect(nudity.inputSize).toBe(224);
    expect(inputSizeOf('MobileNetV2')).toBe(224);
    expect(inputSizeOf('InceptionV3')).toBe(299);
  });

  it('returns five probabilities that sum to ~1', async () => {
    expectProbabilities(await nudity.classify(await flat('#3366cc')));
    expectProbabilities(await nudity.classify(await rgb(gradient(1))));
  });

  it('scores rendered shapes and text as not porn', async () => {
    const scores = await nudity.classify(await rgb(SHAPES_AND_TEXT));
    expectProbabilities(scores);
    expect(scores.porn).toBeLessThan(0.2);
    expect(scores.porn + scores.hentai + scores.sexy).toBeLessThan(0.3);
  });

  it('gives the same scores for the same input', async () => {
    const px = await rgb(gradient(2));
    const a = await nudity.classify(px);
    const b = await nudity.classify(px);
    const [c, d] = await Promise.all([nudity.classify(px), nudity.classify(px)]); // likely on both workers
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(d).toEqual(a);
  });

  it('resolves two concurrent batches', async () => {
    const images = await Promise.all(Array.from({ length: 6 }, (_, i) => rgb(gradient(i + 3))));
    const batch = (): Promise<NudityScores[]> => Promise.all(images.map((px) => nudity.classify(px)));
    const [first, second] = await Promise.all([batch(), batch()]);
    expect(first).toHaveLength(6);
    expect(second).toEqual(first);
    for (const s of first) expectProbabilities(s);
  });

  it('copies the input: the caller may reuse its buffer at once', async () => {
    const px = await rgb(gradient(4));
    const expected = await nudity.classify(px);
    const pending = nudity.classify(px);
    px.fill(0);
    expect(await pending).toEqual(expected);
    expect(px.byteLength).toBe(S * S * 3); // not detached by the transfer
  });

  it('rejects a wrong input length with validation_failed', async () => {
    expect((await rejection(nudity.classify(new Uint8Array(10)))).code).toBe('validation_failed');
    expect((await rejection(nudity.classify(await flat('#000', 100)))).code).toBe('validation_failed');
  });

  it('classifies any image sharp reads', async () => {
    expectProbabilities(await nudity.classifyImage(SHAPES_AND_TEXT));
    const grey = await sharp(gradient(6)).resize(50, 80).removeAlpha().toColourspace('b-w').png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    expectProbabilities(await nudity.classifyImage(grey));
    const withAlpha = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 200, b: 0, alpha: 0.5 } } })
      .webp()
      .toBuffer();
    expectProbabilities(await nudity.classifyImage(withAlpha));
  });

  it('rejects garbage bytes with invalid_media', async () => {
    expect((await rejection(nudity.classifyImage(Buffer.from('this is not an image at all')))).code).toMatch(/invalid_media|unsupported_media/);
    const png = await sharp(SHAPES_AND_TEXT).png().toBuffer();
    expect((await rejection(nudity.classifyImage(png.subarray(0, 200)))).code).toBe('invalid_media');
    expect((await rejection(nudity.classifyImage(Buffer.alloc(0)))).code).toBe('invalid_media');
  });

  it('replaces a crashed worker, failing only its job', async () => {
    const px = await rgb(gradient(5));
    const expected = await nudity.classify(px);
    (nudity as unknown as { crashWorkerForTests(): void }).crashWorkerForTests();
    // The first job goes to the worker that will crash before reading it.
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => nudity.classify(px)));
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    const reason = (failed[0] as PromiseRejectedResult).reason as SaringError;
    expect(reason).toBeInstanceOf(SaringError);
    expect(reason.code).toBe('internal');
    expect(reason.message).toMatch(/crashed/);
    for (const r of results) if (r.status === 'fulfilled') expect(r.value).toEqual(expected);
    // The replacement loads and both workers serve again.
    expect(await Promise.all([1, 2, 3, 4].map(() => nudity.classify(px)))).toEqual([expected, expected, expected, expected]);
  });
});

describe('nudity classifier timeouts and close', () => {
  let tiny: NudityClassifier;
  beforeAll(async () => {
    tiny = await createNudityClassifier({ threads: 1, timeoutMs: 1 });
  });
  afterAll(async () => {
    await tiny?.close();
  });

  it('rejects with media_timeout and keeps serving (with a new worker)', async () => {
    const px = await flat('#808080');
    const [a, b] = await Promise.allSettled([tiny.classify(px), tiny.classify(px)]);
    for (const r of [a, b]) {
      expect(r.status).toBe('rejected');
      expect(((r as PromiseRejectedResult).reason as SaringError).code).toBe('media_timeout');
    }
  });

  it('rejects queued jobs on close, and every call after close', async () => {
    const px = await flat('#808080');
    const queued = Promise.allSettled([tiny.classify(px), tiny.classify(px)]);
    await tiny.close();
    for (const r of await queued) {
      expect(r.status).toBe('rejected');
      expect(((r as PromiseRejectedResult).reason as SaringError).code).toBe('invalid_state');
    }
    expect((await rejection(tiny.classify(px))).code).toBe('invalid_state');
    expect((await rejection(tiny.classifyImage(SHAPES_AND_TEXT))).code).toBe('invalid_state');
    await tiny.close(); // idempotent
  });
});

describe('createNudityClassifier options', () => {
  it('refuses bad options before starting workers', async () => {
    expect((await rejection(createNudityClassifier({ threads: 0 }))).code).toBe('validation_failed');
    expect((await rejection(createNudityClassifier({ timeoutMs: -1 }))).code).toBe('validation_failed');
    expect((await rejection(createNudityClassifier({ model: 'Nope' as 'MobileNetV2' }))).code).toBe('validation_failed');
  });
});

describe('workerScript', () => {
  it('finds the built worker from the source tree, or says to build', () => {
    const url = workerScript('nudity-worker.js', import.meta.url);
    expect(existsSync(fileURLToPath(url))).toBe(true);
    expect(url.pathname).toMatch(/\/dist\/signals\/image\/nudity-worker\.js$/);
    expect(() => workerScript('no-such-worker.js', import.meta.url)).toThrow(/npm run build/);
  });
});
