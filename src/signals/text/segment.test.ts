import { describe, expect, it } from 'vitest';
import { loadDefaultLexicons } from './index.js';
import { lexiconVocabulary, restoreSpaces } from './segment.js';

describe('restoring the spaces OCR drops', () => {
  const vocab = lexiconVocabulary(loadDefaultLexicons());

  it('splits glued promotion text the lexicons can cover completely', () => {
    expect(restoreSpaces('DEPO10RBWDCEPAT', vocab)).toBe('DEPO 10RB WD CEPAT');
    expect(restoreSpaces('SLOTGACOR MAXWIN88', vocab)).toBe('SLOT GACOR MAXWIN 88');
  });

  it('leaves ordinary words, known words and mixed scripts alone', () => {
    expect(restoreSpaces('Selamat datang di saluran kami', vocab)).toBe('Selamat datang di saluran kami');
    expect(restoreSpaces('PEMBANGUNAN', vocab)).toBe('PEMBANGUNAN');
    expect(restoreSpaces('maxwin', vocab)).toBe('maxwin');
    expect(restoreSpaces('00:00:05.000', vocab)).toBe('00:00:05.000');
    expect(restoreSpaces('😀 SLOTGACOR', vocab)).toBe('😀 SLOT GACOR');
  });
});
