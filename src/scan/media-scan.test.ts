import { beforeAll, describe, expect, it } from 'vitest';
import { initLanguageId } from '../signals/text/language.js';
import type { MediaFindings, NudityScores } from './media-findings.js';
import { builtinScanConfig } from './scan-config.js';
import { scanTexts } from './scan.js';
import type { ImageEvidence, ModelEvidence, TextEvidence } from './verdict.js';

const config = builtinScanConfig();
const box = { x: 10, y: 600, width: 500, height: 60 };
const neutral: NudityScores = { porn: 0.01, hentai: 0.01, sexy: 0.02, drawing: 0.06, neutral: 0.9 };

function video(media: number, extra: Partial<MediaFindings> = {}): MediaFindings {
  return { media, kind: 'video', durationSeconds: 60, steps: [{ step: 'hash', status: 'ok', ms: 1 }], ...extra };
}

describe('the scan of media findings', () => {
  beforeAll(() => initLanguageId());

  it('places on-screen text evidence in its line, with time, box and media', () => {
    const findings = video(1, {
      ocr: [
        { text: '😀 Selamat datang', timestamp: 1, until: 2, box, confidence: 0.9 },
        { text: '𝐒𝐋𝐎𝐓 GACOR MAXWIN 88', timestamp: 5, until: 8, box, confidence: 0.95, thumbnail: 't0005.00.jpg' },
      ],
    });
    const v = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
    const gambling = v.categories.find((c) => c.category === 'gambling')!;
    const ocr = gambling.evidence.filter((e): e is TextEvidence => e.source === 'ocr');
    expect(ocr.length).toBeGreaterThan(0);
    for (const e of ocr) {
      expect(e).toMatchObject({ field: 'ocr#2', media: 1, timestamp: 5, until: 8, box, thumbnail: 't0005.00.jpg', text: '𝐒𝐋𝐎𝐓 GACOR MAXWIN 88' });
      // Offsets count code points in the line.
      expect([...e.text!].slice(e.start, e.end).join('')).toBe(e.match);
    }
    const model = gambling.evidence.find((e): e is ModelEvidence => e.source === 'model');
    expect(model).toMatchObject({ field: 'ocr#2', media: 1, timestamp: 5 });
  });

  it('puts back the spaces OCR dropped before matching', () => {
    const findings = video(0, { ocr: [{ text: 'DEPO10RBWDCEPAT', timestamp: 3, until: 4, box, confidence: 0.9 }] });
    const v = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
    const e = v.categories.find((c) => c.category === 'gambling')!.evidence.find((x): x is TextEvidence => x.source === 'ocr' && x.term === 'wd cepat');
    expect(e).toMatchObject({ text: 'DEPO 10RB WD CEPAT', match: 'WD CEPAT', start: 10, end: 18 });
    expect(v.signals.media![0]!.ocr![0]!.text).toBe('DEPO10RBWDCEPAT'); // the findings keep what was read
  });

  it('reads speech transcripts like captions, with source asr', () => {
    const findings = video(0, {
      transcript: [{ text: 'ayo daftar sekarang, slot gacor maxwin, depo sepuluh ribu wd cepat', timestamp: 12.5, until: 17 }],
      speech: { detected: true, segments: [{ start: 12.5, end: 17 }], speechSeconds: 4.5, transcribed: true },
    });
    const v = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
    const asr = v.categories[0]!.evidence.filter((e): e is TextEvidence => e.source === 'asr');
    expect(asr[0]).toMatchObject({ field: 'asr', media: 0, timestamp: 12.5, until: 17 });
  });

  it('scores nudity per frame: explicit classes can remove, suggestive ones only restrict', () => {
    const frames = (peak: Partial<NudityScores>) => [
      { timestamp: 0, scores: neutral },
      { timestamp: 14, scores: { ...neutral, ...peak }, thumbnail: 't0014.00.jpg' },
      { timestamp: 15, scores: neutral },
    ];
    const explicit = scanTexts(config, { texts: {}, audience: 'general', media: [video(0, { nudity: { classifier: 'nsfwjs/test', frames: frames({ porn: 0.8, hentai: 0.15, neutral: 0.01 }) } })] });
    expect(explicit.action).toBe('remove');
    const image = explicit.categories[0]!.evidence.find((e): e is ImageEvidence => e.source === 'image')!;
    expect(image).toMatchObject({ media: 0, classifier: 'nsfwjs/test', classes: ['porn', 'hentai'], score: 0.95, frames: [{ timestamp: 14, score: 0.95, thumbnail: 't0014.00.jpg' }] });

    const suggestive = scanTexts(config, { texts: {}, audience: 'general', media: [video(0, { nudity: { classifier: 'nsfwjs/test', frames: frames({ sexy: 0.95, neutral: 0.02 }) } })] });
    expect(suggestive.action).toBe('restrict_18');
    const forChildren = scanTexts(config, { texts: {}, audience: 'children', media: [video(0, { nudity: { classifier: 'nsfwjs/test', frames: frames({ sexy: 0.95, neutral: 0.02 }) } })] });
    expect(forChildren.action).toBe('review');

    // Ordinary pictures are not evidence of anything: no pornography category at all.
    const plain = scanTexts(config, { texts: {}, audience: 'general', media: [video(0, { nudity: { classifier: 'nsfwjs/test', frames: frames({}) } })] });
    expect(plain.categories).toEqual([]);
  });

  it('sends incomplete analyses to review, but never softens a removal', () => {
    const failed = video(0, { steps: [{ step: 'ocr', status: 'timeout', ms: 300_000 }] });
    expect(scanTexts(config, { texts: { caption: 'liburan ke bali' }, audience: 'general', media: [failed] })).toMatchObject({
      action: 'review',
      review: { queue: 'media', reason: 'incomplete_analysis' },
    });
    const spam = scanTexts(config, { texts: { caption: '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku' }, audience: 'general', media: [failed] });
    expect(spam.action).toBe('remove');
  });
});
