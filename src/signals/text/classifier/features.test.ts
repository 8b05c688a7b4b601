import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, FeatureExtractor, tokenShape } from './features.js';
import { MASK, prepareText, replaceMasks, unescapeEmoji } from './text-prep.js';

const texts = ['𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku', 'judi online itu haram, jauhi', 'g4c0r bgt s l o t 🔥🔥 pulau777', '', '   ', 'a'];

describe('features', () => {
  it('are deterministic: the same text gives the same buckets, in any extractor, any order', () => {
    const a = new FeatureExtractor({ ...DEFAULT_FEATURES, hashBits: 18 });
    const b = new FeatureExtractor({ ...DEFAULT_FEATURES, hashBits: 18 });
    const first = texts.map((t) => Array.from(a.buckets.subarray(0, a.extract(t))));
    const again = [...texts].reverse().map((t) => Array.from(b.buckets.subarray(0, b.extract(t)))).reverse();
    expect(again).toEqual(first);
    expect(first[0]!.length).toBeGreaterThan(50);
    expect(first[0]!.every((x) => x >= 0 && x < 2 ** 18)).toBe(true);
    // Pinned: a change in hashing or feature order would silently break every shipped model.
    expect(Array.from(a.buckets.subarray(0, a.extract('Slot gacor')))).toEqual([
      220470, 50392, 132268, 161601, 30057, 113145, 229267, 106658, 12355, 155881, 147849, 106645, 147986, 73401, 259882, 199357, 92789, 228299,
      218488, 103564, 81915, 28015, 187161, 200225, 55759, 148128, 219370, 201166, 171192, 13962, 204947, 212703, 142418, 55748, 195211,
    ]);
  });

  it('explain names exactly the features extract hashes', () => {
    const fx = new FeatureExtractor(DEFAULT_FEATURES);
    for (const t of texts) {
      const fast = Array.from(fx.buckets.subarray(0, fx.extract(t))).sort((x, y) => x - y);
      const named = fx.explain(t).map((f) => f.bucket).sort((x, y) => x - y);
      expect(named).toEqual(fast);
    }
    const named = fx.explain('𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin');
    const gacor = named.find((f) => f.kind === 'word' && f.feature === 'gacor')!;
    expect('𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin'.slice(gacor.start, gacor.end)).toBe('𝐆𝐀𝐂𝐎𝐑');
    expect(named.some((f) => f.kind === 'obfuscation')).toBe(true);
    expect(fx.explain('g4c0r').some((f) => f.kind === 'leet' && f.feature === 'gacor')).toBe(true);
    expect(fx.explain('wow 🔥').some((f) => f.kind === 'symbol' && f.feature === '🔥')).toBe(true);
  });

  it('see through styling: styled and plain spellings share their word features', () => {
    const fx = new FeatureExtractor(DEFAULT_FEATURES);
    const words = (t: string) => fx.explain(t).filter((f) => f.kind === 'word').map((f) => f.bucket);
    expect(words('𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑')).toEqual(words('slot gacoooor'));
  });

  it('shapes tokens with digits', () => {
    expect(tokenShape('pulau777')).toBe('a999');
    expect(tokenShape('10rb')).toBe('99a');
    expect(tokenShape('2024')).toBe('9999');
    expect(tokenShape('slot')).toBeUndefined();
  });

  it('give masks no feature and do not join n-grams or bigrams across them', () => {
    const fx = new FeatureExtractor(DEFAULT_FEATURES);
    const named = fx.explain(`halo ${MASK} bang`);
    expect(named.some((f) => f.feature.includes(MASK))).toBe(false);
    expect(named.some((f) => f.kind === 'bigram')).toBe(false);
    expect(fx.explain('halo bang').some((f) => f.kind === 'bigram')).toBe(true);
  });

  it('count each feature once per text by default, so pasting a text fifty times does not make it surer', () => {
    const binary = new FeatureExtractor({ ...DEFAULT_FEATURES, hashBits: 18 });
    const counts = new FeatureExtractor({ ...DEFAULT_FEATURES, hashBits: 18, unique: false });
    // Extract first: a text with many features replaces the buffer.
    const features = (fx: FeatureExtractor, text: string) => {
      const n = fx.extract(text);
      return Array.from(fx.buckets.subarray(0, n));
    };
    // Twice: the text's features and the one bigram across the join ("kak terima").
    const twice = features(binary, 'terima kasih kak '.repeat(2));
    const fifty = features(binary, 'terima kasih kak '.repeat(50));
    expect(new Set(twice).size).toBe(twice.length);
    expect(fifty).toEqual(twice);
    expect(counts.extract('terima kasih kak '.repeat(50))).toBeGreaterThan(20 * counts.extract('terima kasih kak '.repeat(2)));
    // explain lists the same features as extract hashes.
    expect(binary.explain('terima kasih kak '.repeat(3)).map((f) => f.bucket).sort()).toEqual([...twice].sort());
  });

  it('refuses an invalid configuration', () => {
    expect(() => new FeatureExtractor({ ...DEFAULT_FEATURES, hashBits: 40 })).toThrow(/Invalid feature configuration/);
  });
});

describe('text preparation', () => {
  it('decodes escaped emoji in the forms exports leave', () => {
    expect(unescapeEmoji('mantap \\U0001F600')).toBe('mantap 😀');
    expect(unescapeEmoji('mantap \\ud83d\\ude00')).toBe('mantap 😀');
    expect(unescapeEmoji('mantap \\\\ud83d\\\\ude00!')).toBe('mantap 😀!');
    expect(unescapeEmoji('love \\u2764')).toBe('love ❤');
    expect(unescapeEmoji('C:\\users\\u0041 \\ud83d alone')).toBe('C:\\users\\u0041 \\ud83d alone');
  });

  it('maps masks to one placeholder: upper-case words, any case in brackets', () => {
    expect(replaceMasks('USER kamu cek URL ini')).toBe(` ${MASK}  kamu cek  ${MASK}  ini`);
    expect(replaceMasks('[USERNAME] halo <user> @USER')).toBe(` ${MASK}  halo  ${MASK}   ${MASK} `);
    expect(replaceMasks('user biasa, url biasa, USERS')).toBe('user biasa, url biasa, USERS');
    expect(prepareText('\\U0001F600 USER', { masks: [] })).toBe('😀 USER');
  });
});
