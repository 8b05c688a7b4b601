import type { Principal } from '../../access/auth.js';
import type { ContentInput } from '../../content/schema.js';
import type { Saring } from '../../engine.js';
import type { ProgrammeBand, ProgrammeTopic } from '../../youth/programme/types.js';

/** The partner organisations of the demo: the demo partner people belong to them. */
export const DEMO_PARTNERS = { kpai: 'KPAI', kemenpppa: 'KemenPPPA' } as const;

/** Educational videos of the demo, each with the band and topic it is nominated for. */
const ITEMS: { content: ContentInput; band: ProgrammeBand; topic: ProgrammeTopic; note: string }[] = [
  {
    content: { externalId: 'demo-edu-1', kind: 'video', account: { externalId: 'demo-user-guru', displayName: 'Bu Guru Rina' }, texts: { caption: 'Belajar pecahan dengan potongan pizza, untuk kelas 4 dan 5' } },
    band: '10_12',
    topic: 'mathematics',
    note: 'Penjelasan pecahan yang runtut dan visual.',
  },
  {
    content: { externalId: 'demo-edu-2', kind: 'video', account: { externalId: 'demo-user-sains', displayName: 'Sains Seru' }, texts: { caption: 'Eksperimen gunung berapi mini dari soda kue dan cuka' } },
    band: '6_9',
    topic: 'science',
    note: 'Percobaan aman di rumah dengan pendamping.',
  },
  {
    content: { externalId: 'demo-edu-3', kind: 'video', account: { externalId: 'demo-user-guru', displayName: 'Bu Guru Rina' }, texts: { caption: 'Lagu mencuci tangan dengan sabun selama dua puluh detik' } },
    band: '3_5',
    topic: 'health',
    note: 'Lagu pendek untuk anak usia dini.',
  },
  {
    content: { externalId: 'demo-edu-4', kind: 'video', account: { externalId: 'demo-user-digital', displayName: 'Cakap Digital' }, texts: { caption: 'Kata sandi yang kuat dan kenapa tidak boleh dibagikan ke teman' } },
    band: '13_15',
    topic: 'online_safety',
    note: 'Materi literasi keamanan akun untuk remaja.',
  },
  {
    content: { externalId: 'demo-edu-5', kind: 'video', account: { externalId: 'demo-user-budaya', displayName: 'Jelajah Nusantara' }, texts: { caption: 'Mengenal relief Candi Borobudur dan kisahnya' } },
    band: '10_12',
    topic: 'history_culture',
    note: 'Cocok untuk pelajaran IPS.',
  },
  {
    content: { externalId: 'demo-edu-6', kind: 'video', account: { externalId: 'demo-user-sains', displayName: 'Sains Seru' }, texts: { caption: 'Kenapa langit berwarna biru? Penjelasan sederhana' } },
    band: '10_12',
    topic: 'science',
    note: 'Jawaban atas pertanyaan anak sehari-hari.',
  },
  {
    content: { externalId: 'demo-edu-7', kind: 'video', account: { externalId: 'demo-user-bahasa', displayName: 'Kelas Bahasa' }, texts: { caption: 'Membaca dongeng Kancil dan Buaya bersama' } },
    band: '6_9',
    topic: 'language',
    note: 'Dongeng dengan teks di layar untuk latihan membaca.',
  },
  {
    content: { externalId: 'demo-edu-8', kind: 'video', account: { externalId: 'demo-user-digital', displayName: 'Cakap Digital' }, texts: { caption: 'Cara mengenali berita bohong sebelum membagikannya' } },
    band: '16_17',
    topic: 'digital_literacy',
    note: 'Latihan memeriksa sumber berita.',
  },
];

/** A stand-in for a partner of an organisation (the demo acts on its behalf; a fixed id per organisation and person). */
function partner(org: string, n: number): Principal {
  const id = `00000000-0000-4000-8000-0000000d${org === DEMO_PARTNERS.kpai ? '1' : '2'}00${n}`;
  return {
    user: { id, name: `${org} (demo)`, login: null, role: 'partner', org, createdAt: new Date().toISOString(), disabled: false, hasPassword: false, invitePending: false, lastSignInAt: null },
    via: 'key',
    actor: `system:demo:${org}`,
  };
}

/**
 * The educational programme's demo: educational videos; KPAI's nominations approved by KemenPPPA
 * (in the catalogue), one rejected, one that left the catalogue when it was reported, and two of
 * KemenPPPA's waiting for a KPAI partner's approval (the demo partner's approvals page). Runs once,
 * on a fresh installation's demo data.
 */
export async function loadProgrammeDemo(saring: Saring): Promise<void> {
  const kpai = partner(DEMO_PARTNERS.kpai, 1);
  const kemen = partner(DEMO_PARTNERS.kemenpppa, 1);
  const ids: string[] = [];
  for (const item of ITEMS) ids.push((await saring.content.submit(item.content, 'system:demo')).content.id);
  const nominate = (i: number, by: Principal) => saring.youth.programme.nominate({ contentId: ids[i], band: ITEMS[i]!.band, topic: ITEMS[i]!.topic, note: ITEMS[i]!.note }, by);
  for (const i of [0, 1, 2, 3, 4]) {
    const n = await nominate(i, kpai);
    await saring.youth.programme.approve(n.id, { reason: 'Sesuai untuk kelompok usia ini.' }, kemen);
  }
  const rejected = await nominate(7, kpai);
  await saring.youth.programme.reject(rejected.id, { reason: 'Lebih cocok untuk usia 13–15; silakan nominasikan ulang.' }, kemen);
  // Reported later: it leaves the catalogue, and KPAI's page says why.
  await saring.reports.submit(
    { content: { externalId: 'demo-edu-5' }, reporter: { name: 'Ibu Ani (orang tua)', contact: 'ani@example.org' }, category: 'other', reason: 'Ada komentar kasar di bawah video ini.' },
    'system:demo',
  );
  for (const i of [5, 6]) await nominate(i, kemen);
}
