import { beforeAll, describe, expect, it } from 'vitest';
import { initLanguageId } from '../signals/text/language.js';
import { incomplete, mediaTextUnits, unitToField, type MediaFindings, type ScreenText } from './media-findings.js';
import { builtinScanConfig } from './scan-config.js';
import { scanTexts } from './scan.js';
import type { ModelEvidence } from './verdict.js';

const config = builtinScanConfig();
const box = { x: 10, y: 600, width: 500, height: 60 };
const line = (text: string, timestamp: number, until = timestamp): ScreenText => ({ text, timestamp, until, box, confidence: 0.9 });

/**
 * What OCR read on a clean 60 s 1280×720 video (ffmpeg's testsrc2, whose running clock and frame
 * counter change every second) with the caption "Resep nasi goreng kampung" across it: the caption,
 * and a clock or counter (as OCR misreads them) on most sampled frames.
 */
function clockVideo(): MediaFindings {
  const ocr: ScreenText[] = [line('Resep nasi goreng kampung', 0, 59)];
  const counters = ['278', '578', '788', '878', '1178', '1238', '1268', '1538', '1658', '1778'];
  for (let t = 0; t < 60; t++) {
    if (t % 3 === 2) continue; // some frames' clocks were not read
    ocr.push(line(`${t % 2 ? '89' : '09'}:0${t % 7 ? 9 : 0}:${String(t).padStart(2, '0')}.00${t % 10}`, t));
    if (t % 6 === 5) ocr.push(line(counters[(t / 6) | 0]!, t));
  }
  return { media: 0, kind: 'video', durationSeconds: 60, width: 1280, height: 720, steps: [{ step: 'hash', status: 'ok', ms: 1 }], ocr };
}

describe('clean media is allowed', () => {
  beforeAll(() => initLanguageId());

  it('allows a clean video whose on-screen clock and counters change every second, for any audience', () => {
    for (const audience of ['general', 'children'] as const) {
      const v = scanTexts(config, { texts: {}, audience, media: [clockVideo()] });
      expect(v.action).toBe('allow');
      for (const c of v.categories) expect(c.score).toBeLessThan(0.1);
    }
  });

  it('allows a clock and counter that OCR misreads with a stray letter (1 → l, 0 → O)', () => {
    // Without a caption, each screen is the clock and the counter alone; a misread digit must not
    // turn "1778" into "l778" (0.97 to the judol model) or "13" into "l3".
    const f = clockVideo();
    f.ocr = f.ocr!.filter((l) => !l.text.startsWith('Resep'));
    f.ocr.push(line('l778', 40), line('09:09:l3.000', 41), line('788', 41), line('S88', 42), line('O9:O9:44.OOO', 44));
    for (const audience of ['general', 'children'] as const) {
      const v = scanTexts(config, { texts: {}, audience, media: [f] });
      expect(v.action).toBe('allow');
      for (const c of v.categories) expect(c.score).toBeLessThan(0.1);
    }
  });

  it('still finds a gambling promotion shown over the same clock, placed at its line and time', () => {
    const f = clockVideo();
    f.ocr!.push(line('SLOT GACOR MAXWIN 88', 33, 35));
    const v = scanTexts(config, { texts: {}, audience: 'general', media: [f] });
    const gambling = v.categories.find((c) => c.category === 'gambling')!;
    expect(['remove', 'review']).toContain(gambling.action);
    const model = gambling.evidence.find((e): e is ModelEvidence => e.source === 'model')!;
    // The line is scored alone too: the caption beside it does not dilute it.
    expect(model.score).toBeGreaterThan(0.9);
    expect(model.timestamp).toBe(33);
    // Feature offsets point into the field's joined text (the lines in their order, one newline apart).
    const joined = v.signals.media![0]!.ocr!.map((l) => l.text).join('\n');
    const top = model.features!.find((x) => x.weight > 0)!;
    expect(joined.slice(top.start, top.end).toLowerCase()).toContain(top.feature.slice(0, 3));
  });

  it('makes one unit per worded line and per screen of worded lines, without repeats', () => {
    const placed = [
      { text: 'Resep nasi goreng', start: 0, timestamp: 0, until: 10 },
      { text: '09:00:01', start: 18, timestamp: 1, until: 1 },
      { text: 'Bahan utama', start: 27, timestamp: 2, until: 3 },
      { text: 'l778', start: 39, timestamp: 12, until: 12 },
      { text: 'Resep nasi goreng', start: 44, timestamp: 20, until: 25 },
    ];
    const units = mediaTextUnits(placed);
    expect(units.map((u) => u.text)).toEqual(['Resep nasi goreng', 'Bahan utama', 'Resep nasi goreng\nBahan utama']);
    expect(unitToField(units[1]!, 2)).toBe(29);
    const second = units[2]!;
    // "Bahan" starts at 18 in the unit and at 27 in the field; "goreng" ends at 17 in both.
    expect(unitToField(second, 18)).toBe(27);
    expect(unitToField(second, 20)).toBe(29);
    expect(unitToField(second, 17)).toBe(17);
    expect(unitToField(units[0]!, 5)).toBe(5);
  });

  it('does not send a video to review because its console thumbnails could not be written', () => {
    const f = clockVideo();
    f.steps.push({ step: 'ocr', status: 'ok', ms: 1 }, { step: 'thumbnails', status: 'failed', ms: 3, reason: 'ENOSPC: no space left on device', code: 'internal' });
    expect(incomplete(f)).toBe(false);
    expect(scanTexts(config, { texts: {}, audience: 'general', media: [f] }).action).toBe('allow');
    // A step that reads the content still does.
    f.steps.push({ step: 'nudity', status: 'timeout', ms: 300_000 });
    expect(scanTexts(config, { texts: {}, audience: 'general', media: [f] })).toMatchObject({ action: 'review', review: { reason: 'incomplete_analysis' } });
  });
});
