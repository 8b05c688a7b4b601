import { describe, expect, it } from 'vitest';
import { entityHost, extractEntities, type TextEntity } from './extract.js';
import { normalise } from './normalise.js';

const brief = (list: TextEntity[]) => list.map((e) => [e.type, e.value, e.match]);

/** Every entity's match is the original substring at its offsets. */
function consistent(text: string, list: TextEntity[]) {
  for (const e of list) expect(text.slice(e.start, e.end)).toBe(e.match);
}

describe('URLs', () => {
  it('finds http(s) and www URLs and trims trailing punctuation', () => {
    const text = 'daftar di https://Contoh.com/Daftar?ref=AbC. atau (www.contoh.net/x), lalu http://a.id!';
    const out = extractEntities(text);
    expect(brief(out)).toEqual([
      ['url', 'https://contoh.com/Daftar?ref=AbC', 'https://Contoh.com/Daftar?ref=AbC'],
      ['url', 'http://www.contoh.net/x', 'www.contoh.net/x'],
      ['url', 'http://a.id/', 'http://a.id'],
    ]);
    consistent(text, out);
  });

  it('keeps balanced parentheses inside a URL', () => {
    expect(extractEntities('lihat https://id.wikipedia.org/wiki/Judi_(permainan) ya')[0]!.value).toBe(
      'https://id.wikipedia.org/wiki/Judi_(permainan)',
    );
  });

  it('reads defanged hxxp links', () => {
    expect(extractEntities('hxxps://slotgacor-contoh.xyz')[0]!.value).toBe('https://slotgacor-contoh.xyz/');
  });

  it('reads domains with a path as URLs (shorteners, wa.me)', () => {
    const text = 'klik bit.ly/GacorHariIni atau wa.me/6281234567890';
    const out = extractEntities(text);
    expect(brief(out)).toEqual([
      ['url', 'http://bit.ly/GacorHariIni', 'bit.ly/GacorHariIni'],
      ['url', 'http://wa.me/6281234567890', 'wa.me/6281234567890'],
      ['phone', '+6281234567890', '6281234567890'],
    ]);
    consistent(text, out);
  });
});

describe('domains', () => {
  it('finds bare domains with known TLDs, including .co.id and short hosts', () => {
    const text = 'cek slotgacor-contoh.xyz, toko.co.id, s.id dan linktr.ee sekarang';
    expect(extractEntities(text).map((e) => e.value)).toEqual(['slotgacor-contoh.xyz', 'toko.co.id', 's.id', 'linktr.ee']);
  });

  it('finds styled and obfuscated domains and maps them to the original', () => {
    const text = 'main di 𝐬𝐥𝐨𝐭𝐠𝐚𝐜𝐨𝐫.𝐜𝐨𝐦 atau situsgacor . com atau situsgacor[.]net atau situsgacor (dot) vip';
    const out = extractEntities(text);
    expect(brief(out)).toEqual([
      ['domain', 'slotgacor.com', '𝐬𝐥𝐨𝐭𝐠𝐚𝐜𝐨𝐫.𝐜𝐨𝐦'],
      ['domain', 'situsgacor.com', 'situsgacor . com'],
      ['domain', 'situsgacor.net', 'situsgacor[.]net'],
      ['domain', 'situsgacor.vip', 'situsgacor (dot) vip'],
    ]);
    consistent(text, out);
  });

  it('ignores e-mail addresses, numbers and prose', () => {
    expect(extractEntities('email saya budi@gmail.com ya')).toEqual([]);
    expect(extractEntities('harga 10.000 jam 10.30, versi 1.2.3')).toEqual([]);
    expect(extractEntities('aku suka . top banget')).toEqual([]);
  });

  it('gives the host of URL and domain entities', () => {
    const [url, domain] = extractEntities('https://www.contoh.com/a dan m.contoh.org');
    expect(entityHost(url!)).toBe('contoh.com');
    expect(entityHost(domain!)).toBe('m.contoh.org');
  });
});

describe('phone numbers', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['62 8123 4567 890', '+6281234567890'],
    ['０８１２３４５６７８９０', '+6281234567890'],
    ['08111234567', '+628111234567'],
  ])('normalises %s to E.164', (raw, value) => {
    const text = `hubungi ${raw} ya`;
    const out = extractEntities(text);
    expect(brief(out)).toEqual([['phone', value, raw]]);
    consistent(text, out);
  });

  it('ignores landlines, short and over-long numbers, prices', () => {
    expect(extractEntities('kantor 021-5551234, kode 081234, id 08123456789012345, Rp 0.812.345.678')).toEqual([]);
  });
});

describe('input', () => {
  it('accepts a normalised text and returns the same entities', () => {
    const text = 'WA 0812-3456-7890 situs slotgacor-contoh.xyz';
    expect(extractEntities(normalise(text))).toEqual(extractEntities(text));
  });

  it('returns nothing for empty or plain text', () => {
    expect(extractEntities('')).toEqual([]);
    expect(extractEntities('halo semua apa kabar')).toEqual([]);
  });
});
