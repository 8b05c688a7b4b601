import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../categories/categories.js';
import { SaringError } from '../errors/errors.js';
import { defaultPolicy, parsePolicy } from './document.js';
import { evaluatePolicy, type SourceScore } from './evaluate.js';

/** Every source of the default policy (lexicon and, for gambling, the judol model) agrees on the score. */
function signals(scores: Partial<Record<CategoryId, number>>) {
  return new Map(
    Object.entries(scores).map(([c, score]) => [
      c as CategoryId,
      new Map<string, SourceScore>([
        ['lexicon', { source: 'lexicon', score: score!, evidence: [c] }],
        ['model:judol/promo', { source: 'model:judol/promo', score: score!, evidence: [c] }],
      ]),
    ]),
  );
}

describe('policy evaluation', () => {
  const policy = defaultPolicy().document;

  it('allows when nothing scores', () => {
    expect(evaluatePolicy(policy, new Map(), 'general')).toEqual({ action: 'allow', categories: [] });
  });

  it('takes the first rule the score reaches', () => {
    expect(evaluatePolicy(policy, signals({ gambling: 0.95 }), 'general').action).toBe('remove');
    const review = evaluatePolicy(policy, signals({ gambling: 0.6 }), 'general');
    expect(review.action).toBe('review');
    expect(review.review).toEqual({ queue: 'gambling', priority: 'normal', category: 'gambling' });
    expect(evaluatePolicy(policy, signals({ gambling: 0.1 }), 'general').action).toBe('allow');
  });

  it('is stricter for content made for children', () => {
    expect(evaluatePolicy(policy, signals({ gambling: 0.3 }), 'general').action).toBe('allow');
    const kids = evaluatePolicy(policy, signals({ gambling: 0.3 }), 'children');
    expect(kids.action).toBe('review');
    expect(kids.review?.priority).toBe('high');
  });

  it('restricts by age where the policy says so', () => {
    expect(evaluatePolicy(policy, signals({ pornography: 0.65 }), 'general').action).toBe('restrict_18');
    expect(evaluatePolicy(policy, signals({ pornography: 0.45 }), 'general').action).toBe('restrict_16');
  });

  it('returns the most severe action over all categories, with each category kept', () => {
    const out = evaluatePolicy(policy, signals({ pornography: 0.65, gambling: 0.9, fraud: 0.6 }), 'general');
    expect(out.action).toBe('remove');
    expect(out.categories.map((c) => [c.category, c.action])).toEqual([
      ['gambling', 'remove'],
      ['fraud', 'review'],
      ['pornography', 'restrict_18'],
    ]);
    expect(out.categories[0]).toMatchObject({ urgent: false, legalGround: expect.stringContaining('Pasal 27 ayat (2)') });
  });

  it('routes review to the most urgent queue', () => {
    const out = evaluatePolicy(policy, signals({ fraud: 0.6, terrorism: 0.5 }), 'general');
    expect(out.review).toEqual({ queue: 'terrorism', priority: 'urgent', category: 'terrorism' });
  });

  it('needs the lexicon and the model to agree before the default policy removes gambling, unless one is decisive', () => {
    const lexiconOnly = (score: number) => new Map([['gambling' as CategoryId, new Map<string, SourceScore>([['lexicon', { source: 'lexicon', score, evidence: [] }]])]]);
    expect(evaluatePolicy(policy, lexiconOnly(0.85), 'general')).toMatchObject({ action: 'review', categories: [{ score: 0.425 }] });
    const d = policy.categories.gambling!.decisive!;
    const decisive = typeof d === 'number' ? d : d['lexicon']!;
    expect(evaluatePolicy(policy, lexiconOnly(decisive), 'general')).toMatchObject({ action: 'remove', categories: [{ score: decisive }] });
  });

  /** A gambling policy scored by the mean of lexicon and model, with `decisive` as given. */
  const decisivePolicy = (decisive: string) =>
    parsePolicy(`
id: decisive
name: Decisive
categories:
  gambling:
    sources: [lexicon, { model: judol, label: promo }]
    combine: mean
    decisive: ${decisive}
    rules: [{ minScore: 0.85, action: remove }, { minScore: 0.4, action: review }]
`).document;
  const two = (lexicon: number, model: number) =>
    new Map([
      ['gambling' as CategoryId, new Map<string, SourceScore>([
        ['lexicon', { source: 'lexicon', score: lexicon, evidence: [] }],
        ['model:judol/promo', { source: 'model:judol/promo', score: model, evidence: [] }],
      ])],
    ]);

  it('lets a decisive source act alone, and only from its threshold', () => {
    const doc = decisivePolicy('0.9');
    expect(evaluatePolicy(doc, two(0, 0.95), 'general')).toMatchObject({ action: 'remove', categories: [{ score: 0.95 }] });
    expect(evaluatePolicy(doc, two(0.89, 0), 'general')).toMatchObject({ action: 'review', categories: [{ score: 0.445 }] });
    expect(evaluatePolicy(doc, two(0.8, 0.9), 'general')).toMatchObject({ action: 'remove', categories: [{ score: 0.9 }] });
    expect(() => parsePolicy('id: x\nname: X\ncategories:\n  gambling: { decisive: 1.5, rules: [] }')).toThrow(/decisive/);
  });

  it('lets only the sources a decisive map names act alone', () => {
    const doc = decisivePolicy('{ lexicon: 0.9 }');
    expect(evaluatePolicy(doc, two(0.92, 0), 'general')).toMatchObject({ action: 'remove', categories: [{ score: 0.92 }] });
    expect(evaluatePolicy(doc, two(0, 0.999), 'general')).toMatchObject({ action: 'review', categories: [{ score: 0.5 }] });
    expect(() =>
      parsePolicy('id: x\nname: X\ncategories:\n  gambling: { sources: [lexicon], decisive: { \'model:judol/promo\': 0.9 }, rules: [] }'),
    ).toThrow(/decisive names model:judol\/promo, which is not one of this category's sources \(lexicon\)/);
  });

  it('combines model and lexicon sources as the policy says', () => {
    const doc = parsePolicy(`
id: combo
name: Combo
categories:
  gambling:
    sources: [lexicon, { model: judol, label: promo, weight: 0.5 }]
    combine: noisy_or
    rules: [{ minScore: 0.7, action: remove }]
`).document;
    const s = new Map([
      ['gambling' as CategoryId, new Map<string, SourceScore>([
        ['lexicon', { source: 'lexicon', score: 0.5, evidence: [] }],
        ['model:judol/promo', { source: 'model:judol/promo', score: 0.8, evidence: [] }],
      ])],
    ]);
    const out = evaluatePolicy(doc, s, 'general');
    expect(out.categories[0]?.score).toBeCloseTo(1 - 0.5 * 0.6, 3);
    expect(out.action).toBe('remove');
  });
});

describe('policy documents', () => {
  it('ships a valid default policy covering every category', () => {
    const { document } = defaultPolicy();
    expect(Object.keys(document.categories).sort()).toEqual(
      ['csam', 'drugs', 'fraud', 'gambling', 'hoax', 'illegal_goods', 'pornography', 'sara_hate', 'terrorism', 'violence'],
    );
  });

  it.each([
    ['not YAML', 'id: [unclosed', /not valid YAML/],
    ['unknown category', 'id: x\nname: X\ncategories:\n  casino: { rules: [] }', /categories/],
    ['unknown field', 'id: x\nname: X\ncategories: {}\nsurprise: 1', /surprise|Unrecognized/],
    ['score out of range', 'id: x\nname: X\ncategories:\n  gambling: { rules: [{ minScore: 2, action: remove }] }', /minScore/],
    ['unknown action', 'id: x\nname: X\ncategories:\n  gambling: { rules: [{ minScore: 0.5, action: ban }] }', /action/],
    ['queue on a non-review rule', 'id: x\nname: X\ncategories:\n  gambling: { rules: [{ minScore: 0.5, action: remove, queue: q }] }', /review rules only/],
  ])('rejects %s with a clear message', (_name, source, message) => {
    let error: unknown;
    try {
      parsePolicy(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SaringError);
    expect((error as SaringError).code).toBe('invalid_policy');
    expect((error as SaringError).message).toMatch(message);
  });
});
