import { describe, expect, it } from 'vitest';
import { foldMapped, normalise, normaliseTokens, originalRange, type MappedText, type TextView } from './normalise.js';

const tokens = (view: TextView) => view.tokens.map((t) => t.text);

/** The original substring behind a token of the plain view. */
function source(text: string, view: TextView, token: string): string {
  const t = view.tokens.find((k) => k.text === token);
  if (!t) throw new Error(`no token ${token} in ${JSON.stringify(view.text)}`);
  const [s, e] = originalRange(view, t.start, t.end);
  return text.slice(s, e);
}

function isHigh(c: number) {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number) {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Offsets are in range, ordered, and never split a surrogate pair. */
function checkMap(original: string, m: MappedText) {
  expect(m.start.length).toBe(m.text.length);
  expect(m.end.length).toBe(m.text.length);
  const problems: string[] = [];
  const splits = (at: number) => at > 0 && at < original.length && isHigh(original.charCodeAt(at - 1)) && isLow(original.charCodeAt(at));
  for (let i = 0; i < m.text.length; i++) {
    const s = m.start[i]!;
    const e = m.end[i]!;
    if (s < 0 || e > original.length || s > e) problems.push(`unit ${i}: [${s}, ${e}) out of range`);
    if (i > 0 && (s < m.start[i - 1]! || e < m.end[i - 1]!)) problems.push(`unit ${i}: out of order`);
    if (splits(s) || splits(e)) problems.push(`unit ${i}: splits a surrogate pair`);
  }
  expect(problems, JSON.stringify(original)).toEqual([]);
}

describe('styled letters', () => {
  const families: Array<[string, string]> = [
    ['mathematical bold', '𝐒𝐋𝐎𝐓'],
    ['mathematical italic', '𝑺𝑳𝑶𝑻'],
    ['script', '𝓢𝓛𝓞𝓣'],
    ['double-struck', '𝕊𝕃𝕆𝕋'],
    ['fraktur', '𝔖𝔏𝔒𝔗'],
    ['sans-serif bold', '𝗦𝗟𝗢𝗧'],
    ['monospace', '𝚂𝙻𝙾𝚃'],
    ['fullwidth', 'ＳＬＯＴ'],
    ['circled', 'ⓈⓁⓄⓉ'],
    ['negative circled', '🅢🅛🅞🅣'],
    ['negative squared', '🆂🅻🅾🆃'],
    ['squared', '🅂🄻🄾🅃'],
    ['parenthesised', '⒮⒧⒪⒯'],
    ['small capitals', 'ꜱʟᴏᴛ'],
    ['mixed', '𝐒Ｌⓞ🆃'],
  ];
  it.each(families)('%s letters fold to plain lower case', (_name, styled) => {
    const n = normalise(`${styled} gacor`);
    expect(tokens(n.plain)).toEqual(['slot', 'gacor']);
    expect(source(`${styled} gacor`, n.plain, 'slot')).toBe(styled);
  });

  it('folds styled digits and dingbat digits', () => {
    expect(normaliseTokens('𝐁𝐄𝐑𝐊𝐀𝐇𝟗𝟗')).toEqual(['berkah99']);
    expect(normaliseTokens('BERKAH❾❾')).toEqual(['berkah99']);
    expect(normaliseTokens('ＰＵＬＡＵ７７７')).toEqual(['pulau777']);
    expect(normaliseTokens('VISI4️⃣𝗗')).toEqual(['visi4d']);
  });

  it('marks styled characters as obfuscated and plain ones not', () => {
    const n = normalise('𝐒𝐋𝐎𝐓 slot');
    expect(Array.from(n.plain.obfuscated)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('does not treat accented letters or superscript reduplication as styling', () => {
    const n = normalise('café hari²');
    expect(tokens(n.plain)).toEqual(['cafe', 'hari2']);
    expect(Array.from(n.plain.obfuscated).every((o) => o === 0)).toBe(true);
  });
});

describe('look-alike letters', () => {
  it('maps Cyrillic and Greek look-alikes to Latin', () => {
    expect(normaliseTokens('ѕlоt gасоr')).toEqual(['slot', 'gacor']); // Cyrillic ѕ о а с о
    expect(normaliseTokens('АЕ𝙍𝙊𝟾𝟪')).toEqual(['aero88']);
    expect(normaliseTokens('ΑΕRΟ ΗΟΚΙ')).toEqual(['aero', 'hoki']); // Greek capitals
    expect(normaliseTokens('ρrοbеt')).toEqual(['probet']);
    expect(normaliseTokens('𝐏𝐑0𝐁𝐄𐊗𝟖𝟓𝟓')).toEqual(['pr0bet855']); // Lycian T
  });
});

describe('case, marks and invisible characters', () => {
  it('drops zero-width and format characters inside words', () => {
    for (const zw of ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff', '\ufe0f', '\u00ad']) {
      const text = `sl${zw}ot`;
      expect(normaliseTokens(text)).toEqual(['slot']);
      expect(source(text, normalise(text).plain, 'slot')).toBe(text);
    }
  });

  it('strips zalgo marks and keeps them inside the original range', () => {
    const text = 'z̷a̷l̷g̷o̷ s̸̢l̴o̵t̶';
    const n = normalise(text);
    expect(tokens(n.plain)).toEqual(['zalgo', 'slot']);
    expect(source(text, n.plain, 'zalgo')).toBe('z̷a̷l̷g̷o̷');
  });

  it('counts letters decorated with combining marks as styled', () => {
    const n = normalise('P͓̽U͓̽L͓̽A͓̽U͓̽ x');
    expect(n.plain.tokens[0]!.text).toBe('pulau');
    expect(n.plain.obfuscated[0]).toBe(1);
  });

  it('lower-cases and folds İ, ß and ligatures', () => {
    expect(normaliseTokens('İSTANBUL Straße ﬁne')).toEqual(['istanbul', 'strase', 'fine']);
  });
});

describe('leetspeak', () => {
  it('reads digits and symbols inside words as letters in the leet view only', () => {
    const n = normalise('g4c0r m4xw1n sl0t b@ndar $lot h0k1 s3ns4t10n4l');
    expect(tokens(n.leet)).toEqual(['gacor', 'maxwin', 'slot', 'bandar', 'slot', 'hoki', 'sensational']);
    expect(tokens(n.plain)).toEqual(['g4c0r', 'm4xw1n', 'sl0t', 'b', 'ndar', 'lot', 'h0k1', 's3ns4t10n4l']);
  });

  it('keeps numbers, prices and brand numbers as numbers', () => {
    const n = normalise('depo 10rb jadi 5jt di pulau777, 88 dan 777, Rp 10.000 atau 1,5jt');
    expect(tokens(n.leet)).toEqual(tokens(n.plain).map((t) => (t === '5jt' ? 'sjt' : t)));
    expect(tokens(n.plain)).toContain('10rb');
    expect(tokens(n.plain)).toContain('pulau777');
    expect(tokens(n.plain)).toContain('88');
    expect(tokens(n.plain)).toContain('10000');
    expect(tokens(n.plain)).toContain('1,5jt');
  });

  it('leaves 2 alone because Indonesian writes reduplication with it', () => {
    expect(tokens(normalise('hati2 kata2').leet)).toEqual(['hati2', 'kata2']);
  });

  it('returns the same view object when nothing leetspeak could change', () => {
    const n = normalise('slot gacor hari ini');
    expect(n.leet).toBe(n.plain);
  });

  it('maps leet letters back to the original digits', () => {
    const text = 'yuk g4c00r';
    const n = normalise(text);
    expect(n.leet.tokens[1]!.text).toBe('gacor');
    const [s, e] = originalRange(n.leet, n.leet.tokens[1]!.start, n.leet.tokens[1]!.end);
    expect(text.slice(s, e)).toBe('g4c00r');
  });
});

describe('repeated letters', () => {
  it('collapses runs of a letter and keeps the whole run in the range', () => {
    const text = 'gacoooor bangeeet';
    const n = normalise(text);
    expect(tokens(n.plain)).toEqual(['gacor', 'banget']);
    expect(source(text, n.plain, 'gacor')).toBe('gacoooor');
  });

  it('collapses ordinary double letters too, so terms are folded the same way', () => {
    expect(normaliseTokens('tunggu')).toEqual(['tungu']);
    expect(normaliseTokens('scatter')).toEqual(['scater']);
  });

  it('does not collapse digits', () => {
    expect(normaliseTokens('777 88')).toEqual(['777', '88']);
  });
});

describe('spread letters', () => {
  it.each([
    ['s l o t', 'slot'],
    ['s.l.o.t', 'slot'],
    ['s-l-o-t', 'slot'],
    ['s_l_o_t', 'slot'],
    ['S L O T G A C O R', 'slotgacor'],
    ['⭐ A L E X I S 1 7 ⭐', 'alexis17'],
  ])('joins %j', (text, joined) => {
    const n = normalise(text);
    expect(tokens(n.plain)).toEqual([joined]);
    expect(n.plain.tokens[0]!.joined).toBe(true);
  });

  it('joins four or more spread singles with two letters among leet digits, and leaves runs of digits alone', () => {
    const n = normalise('c 1 n a  b 4 b 1');
    expect(tokens(n.leet)).toEqual(['cina', 'babi']);
    expect(normaliseTokens('skor 3 2 1 0')).toEqual(['skor', '3', '2', '1', '0']);
    expect(normaliseTokens('jam 7 8 9')).toEqual(['jam', '7', '8', '9']);
  });

  it('keeps differently separated spread words apart', () => {
    expect(normaliseTokens('s.l.o.t g.a.c.o.r')).toEqual(['slot', 'gacor']);
  });

  it('maps a joined token to the whole spread original', () => {
    const text = 'main S L O T sekarang';
    expect(source(text, normalise(text).plain, 'slot')).toBe('S L O T');
  });

  it('leaves ordinary text with short words alone', () => {
    expect(normaliseTokens('a b')).toEqual(['a', 'b']);
    expect(normaliseTokens('pergi ke sana di a')).toEqual(['pergi', 'ke', 'sana', 'di', 'a']);
    expect(normaliseTokens('kelas 3 a')).toEqual(['kelas', '3', 'a']);
  });

  it('does not join across a line break', () => {
    expect(normaliseTokens('a\nb\nc')).toEqual(['a', 'b', 'c']);
  });
});

describe('alay spelling', () => {
  it('replaces informal spellings with the canonical word', () => {
    expect(normaliseTokens('bosq yg gk dpt bgt')).toEqual(['bosku', 'yang', 'tidak', 'dapat', 'banget']);
    expect(normaliseTokens('bozku boskuu bosskuuu')).toEqual(['bosku', 'bosku', 'bosku']);
  });

  it('applies the letter rules only where safe', () => {
    expect(normaliseTokens('rumahx')).toEqual(['rumahnya']);
    expect(normaliseTokens('relax hoax max')).toEqual(['relax', 'hoax', 'max']);
    expect(normaliseTokens('iraq')).toEqual(['iraq']);
  });

  it('maps the replacement back to the informal original', () => {
    const text = 'mantap bosq';
    expect(source(text, normalise(text).plain, 'bosku')).toBe('bosq');
    const text2 = 'gk jadi';
    expect(source(text2, normalise(text2).plain, 'tidak')).toBe('gk');
  });
});

describe('tokens and views', () => {
  it('splits a styled brand glued to a plain word', () => {
    expect(normaliseTokens('𝐀𝐄𝐑𝐎𝟖𝟖menawarkan')).toEqual(['aero88', 'menawarkan']);
    expect(normalise('𝐀𝐄𝐑𝐎𝟖𝟖menawarkan').plain.text).toBe('aero88 menawarkan');
    expect(normaliseTokens('𝘼𝙂𝘜S𝙏O𝙏𝑂 bagus')).toEqual(['agustoto', 'bagus']);
  });

  it('does not make words of URL paths and query strings', () => {
    const n = normalise('lihat https://youtu.be/3RgJ7aK2xF0?t=11s dan www.contoh.com/slot88/x ya');
    expect(tokens(n.plain)).toEqual(['lihat', 'htps', 'youtu', 'be', 'dan', 'w', 'contoh', 'com', 'ya']);
  });

  it('collapses whitespace and marks line breaks and sentence ends as hard', () => {
    const n = normalise('slot   gacor.  Maxwin\n\nbosku');
    expect(n.plain.text).toBe('slot gacor. maxwin\nbosku');
    expect(n.plain.tokens.map((t) => t.hardBefore)).toEqual([false, false, true, true]);
  });

  it('base view folds characters without token rules', () => {
    const text = 'ＷＷＷ.𝐬𝐥𝐨𝐭𝐠𝐚𝐜𝐨𝐫.ᴄᴏᴍ  gacoor';
    const base = foldMapped(text);
    expect(base.text).toBe('www.slotgacor.com  gacoor');
    checkMap(text, base);
  });
});

describe('offsets', () => {
  it('maps a hit on the styled example back to the styled original, surrogates intact', () => {
    const text = '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin';
    const n = normalise(text);
    expect(n.plain.text).toBe('slot gacor maxwin');
    const [s, e] = originalRange(n.plain, 0, 'slot gacor'.length);
    expect(text.slice(s, e)).toBe('𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑');
    expect(s).toBe(0);
    expect(e).toBe(19);
  });

  it('keeps every map in range, ordered and on code-point boundaries', () => {
    const samples = [
      '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku',
      '⭐ A L E X I S 1 7 ⭐ 𝑩 0 𝑺 𝑺 𝑾 𝑫 g4c00r',
      'z̷a̷l̷g̷o̷ ﬁ ⑩ ㎏ ™ 🇮🇩 👍🏽 🅰🅱 bosq rumahx',
      'Rp 10.000, WA +62 812-3456-7890 https://bit.ly/AbC',
    ];
    for (const text of samples) {
      const n = normalise(text);
      checkMap(text, n.base);
      checkMap(text, n.plain);
      checkMap(text, n.leet);
    }
  });

  it('survives random input, lone surrogates included', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pool = [0x20, 0x41, 0x61, 0x31, 0x2e, 0x40, 0x24, 0x0a, 0x200b, 0x0301, 0xd835, 0xdc00, 0xd800, 0xdfff, 0xff33, 0x0455, 0x1d00];
    for (let k = 0; k < 300; k++) {
      let text = '';
      const len = rand(40);
      for (let i = 0; i < len; i++) {
        text += rand(4) === 0 ? String.fromCodePoint(0x1d400 + rand(1000)) : String.fromCharCode(pool[rand(pool.length)]!);
      }
      const n = normalise(text);
      checkMap(text, n.base);
      checkMap(text, n.plain);
      checkMap(text, n.leet);
    }
  });

  it('handles the empty string', () => {
    const n = normalise('');
    expect(n.plain.text).toBe('');
    expect(n.plain.tokens).toEqual([]);
    expect(originalRange(n.plain, 0, 0)).toEqual([0, 0]);
  });

  it('turns lone surrogates into U+FFFD without crashing', () => {
    const text = 'slot \ud800 gacor \udc00';
    const n = normalise(text);
    expect(n.plain.text).toBe('slot \ufffd gacor \ufffd');
    expect(tokens(n.plain)).toEqual(['slot', 'gacor']);
    checkMap(text, n.plain);
  });

  it('handles long input', () => {
    const text = '𝐒𝐋𝐎𝐓 gacor '.repeat(20_000);
    const n = normalise(text);
    expect(n.plain.tokens.length).toBe(40_000);
    const last = n.plain.tokens[n.plain.tokens.length - 1]!;
    const [s, e] = originalRange(n.plain, last.start, last.end);
    expect(text.slice(s, e)).toBe('gacor');
  });
});
