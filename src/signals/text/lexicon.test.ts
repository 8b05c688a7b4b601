import { describe, expect, it } from 'vitest';
import { compileLexicons, LexiconValidationError, matchDomains, matchText, validateLexicon, type Lexicon, type LexiconEntry } from './lexicon.js';

function lex(entries: LexiconEntry[], overrides: Partial<Lexicon> = {}): Lexicon {
  return { name: 'test', category: 'gambling', kind: 'terms', version: 3, entries, ...overrides };
}

function matches(entries: LexiconEntry[], text: string) {
  return matchText(compileLexicons([lex(entries)]), text);
}

const terms = (hits: { term: string }[]) => hits.map((h) => h.term);

function problemsOf(input: unknown): string[] {
  try {
    validateLexicon(input);
  } catch (err) {
    expect(err).toBeInstanceOf(LexiconValidationError);
    expect((err as LexiconValidationError).code).toBe('invalid_lexicon');
    return (err as LexiconValidationError).problems;
  }
  throw new Error('expected a validation error');
}

describe('word entries', () => {
  it('match whole tokens in any obfuscated spelling and report the original', () => {
    const hits = matches([{ term: 'gacor', type: 'word', weight: 0.5 }], 'ini 𝐆𝐀𝐂𝐎𝐑, g4c0r dan gacoooor, bukan gacorku');
    expect(hits.map((h) => h.match)).toEqual(['𝐆𝐀𝐂𝐎𝐑', 'g4c0r', 'gacoooor']);
    expect(hits.map((h) => h.view)).toEqual(['plain', 'leet', 'plain']);
    expect(hits[0]).toMatchObject({ category: 'gambling', lexicon: 'test', lexiconVersion: 3, term: 'gacor', type: 'word', weight: 0.5 });
  });

  it('prefix entries match the start of a token and report the whole token', () => {
    const hits = matches([{ term: 'lapor', type: 'word', match: 'prefix', weight: -0.4 }], 'laporkan saja, jangan melapor');
    expect(hits.map((h) => h.match)).toEqual(['laporkan']);
  });

  it('substring entries match inside tokens and report just the substring', () => {
    const text = 'situsjuditerbaik';
    const hits = matches([{ term: 'judi', type: 'word', match: 'substring', weight: 0.3 }], text);
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe('judi');
  });

  it('finds word terms inside letters that were spread apart', () => {
    const hits = matches(
      [
        { term: 'slot', type: 'word', weight: 0.3 },
        { term: 'gacor', type: 'word', weight: 0.4 },
        { term: 'slot gacor', type: 'phrase', weight: 0.9 },
      ],
      'ayo S L O T G A C O R',
    );
    expect(terms(hits).sort()).toEqual(['gacor', 'slot', 'slot gacor']);
    expect(hits.find((h) => h.term === 'slot gacor')!.match).toBe('S L O T G A C O R');
    expect(hits.find((h) => h.term === 'gacor')!.match).toBe('G A C O R');
  });
});

describe('phrase entries', () => {
  const entries: LexiconEntry[] = [{ term: 'slot gacor', type: 'phrase', weight: 0.9 }];

  it('allow flexible separators between words', () => {
    for (const text of ['slot gacor', 'slot-gacor', 'slot, gacor', 'slot 🔥 gacor', 'SLOT   GACOR', 'sl0t g4c0r']) {
      expect(terms(matches(entries, text)), text).toEqual(['slot gacor']);
    }
  });

  it('do not run across a line break or a sentence end', () => {
    expect(matches(entries, 'slot\ngacor')).toEqual([]);
    expect(matches(entries, 'main slot. Gacor semua')).toEqual([]);
  });

  it('a word entry of several words is matched as a phrase', () => {
    expect(terms(matches([{ term: 'max win', type: 'word', weight: 0.7 }], 'pasti MAX WIN'))).toEqual(['max win']);
  });
});

describe('pattern entries', () => {
  it('run on the plain view and report the original', () => {
    const text = 'main di 𝐁𝐄𝐑𝐊𝐀𝐇𝟗𝟗 sekarang';
    const hits = matches([{ term: '\\b[a-z]{3,}(?:88|99)\\b', type: 'pattern', weight: 0.6 }], text);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.match).toBe('𝐁𝐄𝐑𝐊𝐀𝐇𝟗𝟗');
  });

  it('also run on the leet view', () => {
    const hits = matches([{ term: '\\b[a-z]{3,}17\\b', type: 'pattern', weight: 0.6 }], 'coba Alex!s17');
    expect(hits.map((h) => [h.view, h.match])).toEqual([['leet', 'Alex!s17']]);
  });

  it('obfuscated entries count only styled, look-alike, spread or leet writing', () => {
    const entries: LexiconEntry[] = [{ term: '\\b[a-z]{3,}\\d{2}\\b', type: 'pattern', weight: 0.85, obfuscated: true }];
    expect(matches(entries, 'berkah99')).toEqual([]);
    expect(matches(entries, '𝐁𝐄𝐑𝐊𝐀𝐇𝟗𝟗')).toHaveLength(1);
    expect(matches(entries, 'B E R K A H 9 9')).toHaveLength(1);
  });
});

describe('exceptions and counter-evidence', () => {
  const gacor: LexiconEntry = { term: 'gacor', type: 'word', weight: 0.45, exceptions: ['burung', 'murai batu'] };

  it('an exception within three tokens cancels the hit', () => {
    expect(matches([gacor], 'burung saya gacor')).toEqual([]);
    expect(matches([gacor], 'gacor sekali murai batu ini')).toEqual([]);
  });

  it('an exception further away does not', () => {
    expect(terms(matches([gacor], 'burung itu di sana dan yang gacor situsnya'))).toEqual(['gacor']);
  });

  it('an exception overlapping the hit cancels it', () => {
    expect(matches([{ term: 'depo', type: 'word', weight: 0.3, exceptions: ['depo kereta'] }], 'di depo kereta')).toEqual([]);
  });

  it('counter terms are hits with negative weight', () => {
    const hits = matches(
      [
        { term: 'judi online', type: 'phrase', weight: 0.15 },
        { term: 'haram', type: 'word', weight: -0.6 },
      ],
      'judi online itu haram',
    );
    expect(hits.map((h) => [h.term, h.weight])).toEqual([
      ['judi online', 0.15],
      ['haram', -0.6],
    ]);
  });
});

describe('de-duplication', () => {
  it('reports an entry once per original span, whichever view found it', () => {
    const hits = matches([{ term: 'slot', type: 'word', weight: 0.3 }], 'slot 88 slot');
    expect(hits.map((h) => [h.start, h.end])).toEqual([
      [0, 4],
      [8, 12],
    ]);
  });

  it('entries of one lexicon that normalise alike count once', () => {
    const compiled = compileLexicons([
      lex([
        { term: 'bosq', type: 'word', weight: 0.3 },
        { term: 'bosku', type: 'word', weight: 0.3 },
      ]),
    ]);
    expect(compiled.entries).toHaveLength(1);
    expect(terms(matchText(compiled, 'mantap bozku'))).toEqual(['bosq']);
  });
});

describe('domain entries', () => {
  const compiled = compileLexicons([
    {
      name: 'domains',
      category: 'gambling',
      kind: 'domains',
      version: 1,
      entries: [{ term: 'https://www.Slotgacor-Contoh.xyz/', type: 'domain', weight: 0.95 }],
    },
  ]);
  const at = (host: string) => matchDomains(compiled, [{ host, start: 0, end: host.length }], host);

  it('match the domain and its subdomains', () => {
    expect(at('slotgacor-contoh.xyz')).toHaveLength(1);
    expect(at('m.slotgacor-contoh.xyz')).toHaveLength(1);
    expect(at('WWW.slotgacor-contoh.xyz')).toHaveLength(1);
    expect(at('slotgacor-contoh.xyz')[0]).toMatchObject({ type: 'domain', category: 'gambling', weight: 0.95 });
  });

  it('matchText finds them in URLs, bare and obfuscated domains in the text', () => {
    const text = 'cek https://m.slotgacor-contoh.xyz/daftar atau slotgacor-contoh . xyz, bukan contoh.xyz';
    const hits = matchText(compiled, text);
    expect(hits.map((h) => h.match)).toEqual(['https://m.slotgacor-contoh.xyz/daftar', 'slotgacor-contoh . xyz']);
    expect(matchText(compiled, 'cek slotgacor-contoh[.]xyz').map((h) => h.match)).toEqual(['slotgacor-contoh[.]xyz']);
  });

  it('do not match other domains that merely end the same way', () => {
    expect(at('notslotgacor-contoh.xyz')).toEqual([]);
    expect(at('slotgacor-contoh.xyz.evil.com')).toEqual([]);
    expect(at('contoh.xyz')).toEqual([]);
  });
});

describe('validation', () => {
  const valid = { name: 'x', category: 'gambling', kind: 'terms', version: 1, entries: [{ term: 'slot', type: 'word', weight: 0.3 }] };

  it('accepts a valid lexicon, trims terms and drops unknown top-level keys', () => {
    const out = validateLexicon({ ...valid, enabled: true, entries: [{ term: '  slot ', type: 'word', weight: 0.3 }] });
    expect(out).toEqual({ ...valid });
  });

  it('rejects weights outside -1..1 and zero, naming the entry', () => {
    const problems = problemsOf({ ...valid, entries: [{ term: 'maxwin', type: 'word', weight: 1.5 }, { term: 'wd', type: 'word', weight: 0 }] });
    expect(problems).toEqual([
      'entries[0].weight: must be between -1 and 1 (term "maxwin")',
      'entries[1].weight: must not be 0 (a zero weight does nothing) (term "wd")',
    ]);
  });

  it('rejects empty and over-long terms, unknown keys and bad categories', () => {
    expect(problemsOf({ ...valid, entries: [{ term: ' ', type: 'word', weight: 0.3 }] })[0]).toMatch(/^entries\[0\]\.term: must not be empty/);
    expect(problemsOf({ ...valid, entries: [{ term: 'a'.repeat(201), type: 'word', weight: 0.3 }] })[0]).toMatch(/at most 200 characters/);
    expect(problemsOf({ ...valid, entries: [{ term: 'slot', type: 'word', weight: 0.3, wieght: 1 }] })[0]).toMatch(/wieght/);
    expect(problemsOf({ ...valid, category: 'casino' })[0]).toMatch(/^category: /);
    expect(problemsOf({ ...valid, name: 'Bad Name!' })[0]).toMatch(/^name: /);
  });

  it('rejects more than 20,000 entries', () => {
    const entries = Array.from({ length: 20_001 }, (_, i) => ({ term: `t${i}`, type: 'pattern', weight: 0.1 }));
    expect(problemsOf({ ...valid, entries })).toContain('entries: at most 20000 entries');
  });

  it('rejects duplicates and mismatched kinds', () => {
    const dup = problemsOf({ ...valid, entries: [valid.entries[0], { term: 'SLOT', type: 'word', weight: 0.5 }] });
    expect(dup[0]).toMatch(/^entries\[1\]\.term: duplicates entries\[0\]/);
    expect(problemsOf({ ...valid, entries: [{ term: 'a.com', type: 'domain', weight: 0.5 }] })[0]).toMatch(/kind "domains"/);
    expect(problemsOf({ ...valid, kind: 'domains' })[0]).toMatch(/only entries of type "domain"/);
    expect(problemsOf({ ...valid, entries: [{ term: 'slot gacor', type: 'phrase', weight: 0.3, match: 'prefix' }] })[0]).toMatch(/only word entries/);
  });

  it('rejects invalid and catastrophic patterns with a clear message', () => {
    expect(problemsOf({ ...valid, entries: [{ term: '(abc', type: 'pattern', weight: 0.3 }] })[0]).toMatch(/not a valid regular expression/);
    for (const p of ['(a+)+$', '(\\w+\\s?)*x', '(?:[a-z]*\\d){2,}', '(x{1,50})+']) {
      expect(problemsOf({ ...valid, entries: [{ term: p, type: 'pattern', weight: 0.3 }] })[0], p).toMatch(/nested quantifiers/);
    }
    expect(problemsOf({ ...valid, entries: [{ term: 'a*', type: 'pattern', weight: 0.3 }] })[0]).toMatch(/empty string/);
    expect(() => validateLexicon({ ...valid, entries: [{ term: '\\b(?:ab){2,3}\\d+', type: 'pattern', weight: 0.3 }] })).not.toThrow();
  });

  it('rejects terms with nothing to match and invalid domains', () => {
    expect(problemsOf({ ...valid, entries: [{ term: '🎰', type: 'word', weight: 0.3 }] })[0]).toMatch(/no letters or digits/);
    expect(problemsOf({ ...valid, entries: [{ term: 'xxx', type: 'word', weight: 0.3 }] })[0]).toMatch(/single character "x"/);
    expect(problemsOf({ ...valid, entries: [{ term: 'slot gacor', type: 'word', match: 'prefix', weight: 0.3 }] })[0]).toMatch(/single word/);
    expect(problemsOf({ ...valid, kind: 'domains', entries: [{ term: 'not a domain', type: 'domain', weight: 0.3 }] })[0]).toMatch(/not a valid domain/);
  });

  it('compileLexicons validates too', () => {
    expect(() => compileLexicons([lex([{ term: '(', type: 'pattern', weight: 0.3 }])])).toThrow(LexiconValidationError);
  });
});
