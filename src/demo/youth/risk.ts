import type { Principal } from '../../access/auth.js';
import type { Saring } from '../../engine.js';
import { RISK_ASPECTS, type RiskAspect } from '../../youth/risk/risk.js';

const ACTOR = 'system:demo';

const TEXT: Record<RiskAspect, [level: 'low' | 'medium' | 'high', assessment: string, evidence: string, mitigation: string]> = {
  content: ['high', 'Video pendek dengan putar otomatis dapat menampilkan konten perjudian daring dan kekerasan kepada remaja sebelum dimoderasi.', 'Laporan moderasi triwulan III 2026: 2,1% unggahan ditahan untuk peninjauan', 'Pemindaian teks, gambar dan video saat unggah; restrict_16/restrict_18 disaring untuk akun di bawah usia'],
  contact: ['high', 'Pesan langsung dan komentar membuka kontak dari orang dewasa yang tidak dikenal.', 'Laporan pengguna kategori pelecehan 2026', 'Pesan langsung dari orang asing ditutup untuk akun 16–17 tahun'],
  exploitation: ['medium', 'Hadiah siaran langsung dapat mendorong eksploitasi ekonomi anak.', 'Analisis transaksi hadiah siaran langsung 2026', 'Hadiah siaran langsung dimatikan untuk akun di bawah 18 tahun'],
  personal_data: ['medium', 'Profil dan lokasi dapat terlihat publik; iklan bertarget memakai data perilaku.', 'Audit pengaturan privasi bawaan 2026', 'Akun 16–17 tahun privat secara bawaan; tanpa iklan yang dipersonalisasi'],
  addiction: ['high', 'Gulir tanpa akhir dan notifikasi mendorong penggunaan larut malam.', 'Data waktu layar pengguna 16–17 tahun', 'Pengingat waktu layar dan jeda notifikasi malam hari'],
  mental_health: ['medium', 'Perbandingan sosial dan perundungan di komentar berdampak pada kesehatan mental.', 'Survei pengguna remaja 2026', 'Penyaring komentar kasar dan jalur laporan prioritas'],
  physical_health: ['low', 'Tantangan berbahaya jarang muncul dan cepat ditahan.', 'Catatan peninjauan kategori tantangan berbahaya', 'Leksikon tantangan berbahaya dan peninjauan manusia'],
};

/** A first version of the risk self-assessment, so its page and document have something to show. */
export async function loadRiskDemo(saring: Saring): Promise<void> {
  const principal: Principal = {
    user: { id: 'demo', name: 'Tim Trust & Safety (demo)', login: null, role: 'admin', org: null, createdAt: new Date().toISOString(), disabled: false, hasPassword: false, invitePending: false, lastSignInAt: null },
    via: 'key',
    actor: ACTOR,
  };
  const aspects = Object.fromEntries(RISK_ASPECTS.map((a) => [a, { level: TEXT[a][0], assessment: TEXT[a][1], evidence: [TEXT[a][2]], mitigations: [TEXT[a][3]] }]));
  await saring.youth.risk.save({ basedOn: 0, summary: 'Penilaian awal setelah batas usia 16 tahun berlaku (demo).', aspects }, principal);
}
