import { beforeAll, describe, expect, it } from 'vitest';
import { identifyLanguage, initLanguageId } from '../signals/text/language.js';
import { builtinScanConfig } from './scan-config.js';
import { scanTexts } from './scan.js';

describe('language of the text signals behind an action', () => {
  const config = builtinScanConfig();
  const scan = (text: string) => scanTexts(config, { texts: { caption: text }, audience: 'general' });
  beforeAll(() => initLanguageId());

  it('records the language of fields that produced signals, on the verdict and on the evidence', () => {
    const v = scan('Ayo gabung sekarang di situs kami yang terpercaya, daftar dan menangkan hadiah slot gacor maxwin setiap hari, depo 10rb wd cepat');
    expect(v.signals.languages).toEqual([expect.objectContaining({ field: 'caption', language: 'id', reliable: true })]);
    expect(v.categories[0]!.evidence.every((e) => e.source !== 'caption' || e.language === 'id')).toBe(true);
    expect(v.action).toBe('remove');
  });

  it('tells Javanese and Sundanese apart from Indonesian', () => {
    expect(scan('Aku arep lunga menyang pasar sesuk esuk karo ibu, ojo lali main slot gacor maxwin depo 10rb').signals.languages[0]?.language).toBe('jv');
    expect(scan('Kumaha damang? Tos lami teu tepang, sono pisan abdi, hayu main slot gacor maxwin depo 10rb').signals.languages[0]?.language).toBe('su');
  });

  it('sends evidence in a language the signals were not built for to a person', () => {
    const v = scan('Mira ahora el mejor video porno gratis y sin censura, open bo vcs, contenido para adultos todos los días');
    expect(v.signals.languages[0]).toMatchObject({ language: 'es', reliable: true });
    expect(v.categories[0]).toMatchObject({ category: 'pornography', action: 'remove' });
    expect(v.action).toBe('review');
    expect(v.review).toMatchObject({ queue: 'language', reason: 'unsupported_language', category: 'pornography' });
  });

  it('does not call short slangy Indonesian, Javanese or code-switched ads foreign', () => {
    for (const text of [
      'open bo area jaksel 500k include room, wa 0812-3456-7xxx', // CLD3: Frisian, 99 %
      'p1nj4man t4np4 j4min4n, tanpa bi ch3cking, cair cpt. wa 0896-1010-2xxx', // Swahili, 100 %
      'tmbkau gorila redy, 5gr 250, cod area malang', // Welsh
      'selling gele lokal, cheap price, bisa ranjau or meet up', // Afrikaans
      'Bocoran pola olympus: 20x spin biasa, stop, 50x turbo, baru ganti bet 800', // Uzbek
    ]) {
      expect(identifyLanguage(text)?.reliable ?? false, text).toBe(false);
    }
    // A long text in another language is still told.
    expect(identifyLanguage('Mira ahora el mejor video porno gratis y sin censura, contenido para adultos todos los días')).toMatchObject({ language: 'es', reliable: true });
  });

  it('is not told where nothing acts (it costs more than the rest of the text path)', () => {
    expect(scan('Resep rendang padang yang empuk, masak empat jam').signals.languages).toEqual([]);
    expect(scan('Hari ini cuan banget jualan gorengan di depan sekolah').signals.languages).toEqual([]);
  });
});
