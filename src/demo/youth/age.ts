import type { Saring } from '../../engine.js';

const ACTOR = 'system:demo';

/**
 * Ages for the demo, so the age reviews and an account's age page have something to show: a
 * 17-year-old with a facial estimate and a parent's consent, an adult verified by ID, a
 * 13-year-old whose parent asked to correct the age (an open review with an ID check), and an
 * account whose bio says it is a child (an open underage-signal review). Loaded after the
 * deactivation programme's demo, whose plan would otherwise take these accounts.
 */
export async function loadAgeDemo(saring: Saring): Promise<void> {
  const age = saring.youth.age;
  const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
  await age.set('demo-sari-17', { declaredAge: 17 }, ACTOR);
  await age.addCheck('demo-sari-17', { method: 'facial_estimation', result: 'pass', ageRange: { min: 16, max: 19 }, confidence: 0.86, provider: 'EstiCo (demo)', checkedAt: hourAgo() }, ACTOR);
  await age.giveConsent('demo-sari-17', { givenBy: 'Ibu Sari Wulandari', relation: 'parent', givenAt: hourAgo(), scope: ['direct_messages_from_strangers', 'live_gifts'] }, ACTOR);
  await age.set('demo-adi-24', { declaredAge: 24 }, ACTOR);
  await age.addCheck('demo-adi-24', { method: 'id_document', result: 'pass', age: 24, provider: 'Dukcapil (demo)', checkedAt: hourAgo() }, ACTOR);
  await age.set('demo-dimas-13', { declaredAge: 13 }, ACTOR);
  await age.requestCorrection(
    'demo-dimas-13',
    { requestedBy: 'parent', declaredAge: 16, evidence: { method: 'id_document', result: 'pass', age: 16, provider: 'Dukcapil (demo)', checkedAt: hourAgo() }, note: 'Tahun lahir salah diisi saat mendaftar.' },
    ACTOR,
  );
  await age.set('demo-kecil', { declaredAge: 18 }, ACTOR);
  await saring.content.submit({ externalId: 'demo-bio-kecil', kind: 'profile', texts: { bio: 'aku kelas 6 SD, umurku 12 tahun 🌸 suka menggambar' }, account: { externalId: 'demo-kecil' } }, ACTOR);
}
