import { describe, expect, it } from 'vitest';
import { Prng } from '../signals/text/classifier/prng.js';
import { builtinScanConfig } from './scan-config.js';
import { scanTexts } from './scan.js';
import type { Verdict } from './verdict.js';

/**
 * Every score a verdict carries — a category's, and each piece of evidence's score and weight —
 * is a number in its range, whatever the text: never NaN (null in JSON), never outside 0..1
 * (weights: -1..1).
 */
function badScores(verdict: Verdict): string[] {
  const bad: string[] = [];
  const inRange = (x: unknown, lo: number) => typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= 1;
  for (const c of verdict.categories) {
    if (!inRange(c.score, 0)) bad.push(`${c.category}.score=${c.score}`);
    for (const e of c.evidence) {
      if ('score' in e && !inRange(e.score, 0)) bad.push(`${c.category}.${e.source}.score=${e.score}`);
      if (!inRange(e.weight, -1)) bad.push(`${c.category}.${e.source}.weight=${e.weight}`);
    }
  }
  // What the API sends: a NaN or Infinity becomes null in JSON.
  if (JSON.stringify(verdict).includes('null')) bad.push('null in JSON');
  return bad;
}

describe('verdict scores', () => {
  const config = builtinScanConfig();
  const scan = (text: string) => scanTexts(config, { texts: { text }, audience: 'general' });

  it.each([
    ['empty', ''],
    ['spaces', ' \n\t '],
    ['only emoji', '🎰💰🔥🍑🍆💦🔞'.repeat(50)],
    ['64 KiB of one letter', 'a'.repeat(65536)],
    ['64 KiB of one digit', '1'.repeat(65536)],
    ['a long run of digits (grows the feature buffer mid-scan)', '1'.repeat(600)],
    ['64 KiB of one emoji', '😀'.repeat(32768)],
    ['styled letters', '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 '.repeat(2000)],
    ['lone surrogates', 'judi \ud800 slot \udfff gacor'],
    ['control characters', '\u0000\u0001\u0002 depo \u200b\u200d wd'],
    ['combining marks', 'g\u0301a\u0301c\u0301o\u0301r\u0301'.repeat(500)],
    ['only punctuation', '.,!?-_/\\'.repeat(2000)],
    ['a right-to-left script', 'ٱلْعَرَبِيَّة '.repeat(300)],
  ])('are numbers in range for %s', (_name, text) => {
    expect(badScores(scan(text))).toEqual([]);
  });

  it('are numbers in range for random and adversarial texts', () => {
    const rng = new Prng(20261205);
    const pieces = [
      ...'abcdefghijklmnopqrstuvwxyz0123456789 .,!?@#$%&*()-_+=/:;\'"<>\n\t',
      '😀', '🎰', '💰', '𝐒', '𝐋', 'À', 'é', '\u200b', '\u00ad', '\ufe0f', '\ud800', '\udc00',
      ' slot ', ' gacor ', ' pulsa ', ' transfer ', ' 0812', '.com', 'wa.me/62', ' bokep ', ' sabu ', ' bom ',
    ];
    const texts: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const parts: string[] = [];
      const n = rng.int(rng.next() < 0.05 ? 3000 : 120);
      for (let j = 0; j < n; j++) parts.push(pieces[rng.int(pieces.length)]!);
      texts.push(parts.join(''));
    }
    const failures = texts.flatMap((t) => {
      const bad = badScores(scan(t));
      return bad.length ? [{ text: t.slice(0, 60), bad }] : [];
    });
    expect(failures).toEqual([]);
  });

  it('scores several fields of one content item in range', () => {
    const verdict = scanTexts(config, { texts: { caption: '1'.repeat(2000), comment: '', bio: '🔥'.repeat(5000) }, audience: 'children' });
    expect(badScores(verdict)).toEqual([]);
  });
});
