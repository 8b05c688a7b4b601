import { createWriteStream } from 'node:fs';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { dataPath } from '../config/paths.js';
import { SaringError } from '../errors/errors.js';
import { parseCsvRecords } from '../shared/csv.js';
import { Prng } from '../signals/text/classifier/prng.js';

/**
 * A generated backlog: what a short-video platform's stored content looks like when it first
 * meets Saring — for the README's "Clean a backlog" walk-through, `npm run bench:sweep` and the
 * sweep crash test. Deterministic by seed (the same options give the same lines, byte for byte)
 * and streamed (a million items in constant memory).
 *
 * The mix (defaults): 70 % clean, 18 % online-gambling (judol) promotion, 12 % scams (fake
 * giveaways, phishing, illegal loans, investment and job scams, bank accounts for sale). Comments
 * are real ones where the repository has them: the judol-youtube comments (data/text/judol-youtube,
 * MIT, © 2026 Benony Gabriel, see its MANIFEST) give the clean comments (label 0: everyday talk,
 * but also criticism of and news about gambling, which must stay up) and most of the gambling
 * spam (label 1); captions, profiles and scams are composed from templates. Accounts post many
 * items each (spam accounts many more); `createdAt` runs over a year, oldest first.
 *
 * A share of the videos and images carry PDQ hashes (`media[].pdq` for images, a few `vpdq`
 * frames for videos), as a platform with its own hasher sends them. `backlogBankHash(seed, j)` is
 * entry j of a generated hash bank; a set share of the hashed gambling and scam items' media (the
 * re-uploaded banners) is entry j with 1–10 bits flipped (within any bank's PDQ threshold); the
 * other hashes are random and match nothing (random 256-bit hashes lie ~128 bits apart).
 */

export interface BacklogOptions {
  /** Number of items (lines). */
  items: number;
  /** Seed of the generator (default 13). */
  seed?: number;
  /** Share of clean items (default 0.7); the rest is split gambling : scam as 3 : 2. */
  cleanShare?: number;
  /** Share of the videos and images that carry PDQ hashes (default 0.8: about 30 % of all items). */
  hashShare?: number;
  /** Entries of the generated bank that items may be near (default 1,000,000; 0: none). */
  bankSize?: number;
  /** Share of the hashed gambling and scam items whose media is near a bank entry: re-uploads of known banners (default 0.5). */
  bankMatchShare?: number;
  /** The newest `createdAt` (default 2026-11-30T00:00:00Z); the oldest is a year before. */
  until?: Date;
  /** Prefix of external ids (default `backlog-`). */
  idPrefix?: string;
}

export type BacklogGroup = 'clean' | 'gambling' | 'scam';

/** One line of the backlog: the input of POST /v1/content plus `createdAt`. */
export interface BacklogItem {
  externalId: string;
  kind: 'video' | 'image' | 'comment' | 'profile';
  account: { externalId: string; displayName?: string };
  texts: Record<string, string>;
  media?: ({ type: 'image'; pdq: { hash: string; quality: number } } | { type: 'video'; vpdq: { frame: number; quality: number; hash: string; timestamp: number }[] })[];
  createdAt: string;
}

/** What was generated, by group: what a sweep of the backlog should find. */
export interface BacklogCounts {
  items: number;
  byGroup: Record<BacklogGroup, number>;
  byKind: Record<BacklogItem['kind'], number>;
  hashed: number;
  nearBank: number;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;
const DEFAULT_UNTIL = new Date('2026-11-30T00:00:00Z');

export const BACKLOG_LIMITS = { maxItems: 100_000_000, maxBankSize: 100_000_000 } as const;

function share(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new SaringError('validation_failed', `${name} is a share between 0 and 1, not ${value}.`);
  return v;
}

function count(name: string, value: number | undefined, fallback: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 0 || v > max) throw new SaringError('validation_failed', `${name} is a whole number from 0 to ${max}, not ${value}.`);
  return v;
}

interface Comments {
  clean: string[];
  gambling: string[];
}
let comments: Comments | undefined;

/** The judol-youtube comments, de-duplicated, split by label. */
function loadComments(): Comments {
  if (comments) return comments;
  const rows = parseCsvRecords(readFileSync(dataPath('text', 'judol-youtube', 'comments.csv'), 'utf8'));
  const clean = new Set<string>();
  const gambling = new Set<string>();
  for (const r of rows) {
    const text = (r['comment_text'] ?? '').trim();
    if (!text || text.length > 2000) continue;
    (r['label'] === '1' ? gambling : clean).add(text);
  }
  return (comments = { clean: [...clean], gambling: [...gambling] });
}

const FIRST = ['Sari', 'Budi', 'Ayu', 'Rina', 'Dewi', 'Agus', 'Putri', 'Rizky', 'Wulan', 'Andi', 'Fitri', 'Dimas', 'Intan', 'Yoga', 'Nur', 'Eko', 'Lestari', 'Bayu', 'Maya', 'Hendra', 'Siti', 'Fajar', 'Indah', 'Arif'];
const HANDLE = ['masak', 'jalan', 'vlog', 'official', 'daily', 'id', 'channel', 'story', 'tv', 'fun', 'gaming', 'kuliner', 'travel', 'diy'];
const PLACES = ['Bromo', 'Bali', 'Labuan Bajo', 'Yogyakarta', 'Bandung', 'Danau Toba', 'Raja Ampat', 'Malang', 'Lombok', 'Bukittinggi', 'Semarang', 'Makassar'];
const FOODS = ['rendang', 'nasi goreng', 'soto ayam', 'bakso', 'martabak manis', 'sate padang', 'gado-gado', 'pempek', 'rawon', 'es cendol', 'seblak', 'mie ayam'];
const THINGS = ['motor', 'rumah', 'kebun', 'kucing', 'anak-anak', 'kamar kos', 'warung', 'sepeda', 'laptop', 'taman'];
const CLEAN_CAPTIONS = [
  'Resep {food} yang gampang banget, cuma 30 menit! #resep #kuliner',
  'Sunrise di {place} pagi ini, dinginnya luar biasa 🌄',
  'Jalan-jalan ke {place} bareng keluarga, siapa yang pernah ke sini?',
  'Tutorial {food} ala rumahan, hasilnya mantap',
  'Bersih-bersih {thing} sebelum lebaran, capek tapi puas',
  'Review jujur {food} di pinggir jalan, harganya cuma 15rb',
  'Day {n} belajar gitar, masih fals tapi semangat 💪',
  'Hujan deras di {place}, hati-hati di jalan ya semuanya',
  'Latihan futsal sore ini, skor akhir 5-3',
  'Unboxing {thing} baru, ternyata ukurannya kecil banget',
  'Nonton konser di {place} semalam, suaranya merinding!',
  'Tips hemat belanja bulanan untuk anak kos',
  'Cara merawat {thing} biar awet, simpan videonya ya',
  'Ngabuburit di {place} sambil cari takjil',
  'Polisi tangkap bandar judi online di {place}, puluhan rekening diblokir',
  'Judi online itu bikin bangkrut, jauhi ya teman-teman',
];
const CLEAN_BIOS = ['Suka masak dan jalan-jalan 🍳✈️', 'Mahasiswa | {place}', 'Ibu dua anak, jualan kue kering', 'Konten kreator kuliner {place}', 'Guru SD yang suka musik', 'Penjual {food} sejak 2015'];
const SITES = ['ZEUS88', 'GACOR77', 'MAXWIN99', 'BERKAH4D', 'NAGA303', 'SULTAN138', 'PETIR88', 'HOKI55', 'JP777', 'DEWA99'];
const GAMBLING_CAPTIONS = [
  'slot gacor hari ini di {site}, rtp live 98%, daftar sekarang bonus new member 100%',
  '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo {amount} WD cepat bosku, cek {site}',
  'link alternatif {site} anti rungkad, WA 0812-{d4}-{d4}',
  'bocoran pola gacor {site} malam ini, modal {amount} jadi jutaan',
  's l o t g4c0r {site} hari ini, auto maxwin #slotgacor #maxwin',
  'main di {site} pasti jp, withdraw berapapun dibayar lunas',
];
const GAMBLING_BIOS = ['Link alternatif {site} anti rungkad, WA 0812-{d4}-{d4}', 'Agen resmi {site} | depo {amount} | WD cepat', 'Admin {site} 24 jam, slot gacor maxwin'];
const SCAMS = [
  'Selamat! Anda menang undian hadiah {prize} dari {brand}, klik link bit.ly/{slug} untuk klaim',
  'Selamat anda terpilih sebagai pemenang giveaway {brand}! Hadiah {prize}, transfer dulu biaya pengiriman {amount} ke rekening kami',
  'Pinjol tanpa BI checking langsung cair {million} juta, transfer dulu biaya admin {amount} ke rekening kami',
  'Pinjaman cepat cair dalam 10 menit tanpa jaminan, hubungi WA 0813-{d4}-{d4}',
  'Investasi emas profit 5% per hari, dijamin balik modal, join grup telegram t.me/{slug}',
  'Robot trading profit pasti, double your money dalam seminggu, DM sekarang',
  'Akun anda akan diblokir! Verifikasi sekarang di {brand}-verifikasi.xyz/{slug} dan masukkan kode OTP',
  'Paket anda tertahan di gudang, bayar biaya pencairan {amount} lewat link {brand}-kurir.top/{slug}',
  'Kerja dari rumah dibayar per like {amount}/tugas, tugas like gampang, daftar via WA 0857-{d4}-{d4}',
  'Jual rekening siap pakai, bisa buat apa saja, harga {amount}, COD aman',
  'Bagi bagi saldo dana gratis {amount} untuk 100 orang pertama, klik link berikut bit.ly/{slug}',
];
const BRANDS = ['Shopee', 'Tokopedia', 'BRI', 'BCA', 'DANA', 'OVO', 'Telkomsel', 'JNE', 'Indomaret', 'GoPay'];
const PRIZES = ['mobil Pajero', 'iPhone 16', 'motor NMAX', 'uang tunai 50 juta', 'emas 10 gram', 'umroh gratis'];
const EMOJI = ['😂', '🔥', '🙏', '👍', '😍', '🤣', '💪', '❤️', '😭', '👏'];

const KINDS: Record<BacklogGroup, [BacklogItem['kind'], number][]> = {
  clean: [['comment', 0.6], ['video', 0.27], ['image', 0.1], ['profile', 0.03]],
  gambling: [['comment', 0.55], ['video', 0.2], ['image', 0.15], ['profile', 0.1]],
  scam: [['comment', 0.5], ['video', 0.2], ['image', 0.2], ['profile', 0.1]],
};

function pick<T>(rng: Prng, list: readonly T[]): T {
  return list[rng.int(list.length)]!;
}

function fill(rng: Prng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'food': return pick(rng, FOODS);
      case 'place': return pick(rng, PLACES);
      case 'thing': return pick(rng, THINGS);
      case 'site': return pick(rng, SITES);
      case 'brand': return pick(rng, BRANDS);
      case 'prize': return pick(rng, PRIZES);
      case 'n': return String(1 + rng.int(100));
      case 'd4': return String(1000 + rng.int(9000));
      case 'million': return String(2 + rng.int(49));
      case 'amount': return `${pick(rng, [10, 20, 25, 50, 100, 150, 200, 500])}rb`;
      case 'slug': return rng.nextUint32().toString(36);
      default: return key;
    }
  });
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(words: Uint32Array): string {
  let s = '';
  for (const w of words) s += HEX[w >>> 24]! + HEX[(w >>> 16) & 255]! + HEX[(w >>> 8) & 255]! + HEX[w & 255]!;
  return s;
}

function randomWords(rng: Prng): Uint32Array {
  const w = new Uint32Array(8);
  for (let i = 0; i < 8; i++) w[i] = rng.nextUint32();
  return w;
}

function bankWords(seed: number, j: number): Uint32Array {
  return randomWords(new Prng((Math.imul(j + 1, 0x9e3779b1) ^ Math.imul(seed, 0x85ebca6b)) >>> 0));
}

/** Entry `j` of the generated bank of `seed`: a PDQ hash (64 hex digits). */
export function backlogBankHash(seed: number, j: number): string {
  return hex(bankWords(seed, j));
}

/** Bank entry `j` with `bits` distinct bits flipped. */
function nearBank(rng: Prng, seed: number, j: number, bits: number): string {
  const w = bankWords(seed, j);
  const flipped = new Set<number>();
  while (flipped.size < bits) flipped.add(rng.int(256));
  for (const b of flipped) w[b >>> 5]! ^= 1 << (b & 31);
  return hex(w);
}

/**
 * The backlog's items, one at a time. `counts` (when given) is filled in as items are made.
 */
export function* generateBacklog(options: BacklogOptions, counts?: BacklogCounts): Generator<BacklogItem> {
  const items = count('items', options.items, 0, BACKLOG_LIMITS.maxItems);
  const seed = count('seed', options.seed, 13, 0xffffffff);
  const cleanShare = share('cleanShare', options.cleanShare, 0.7);
  const hashShare = share('hashShare', options.hashShare, 0.8);
  const bankSize = count('bankSize', options.bankSize, 1_000_000, BACKLOG_LIMITS.maxBankSize);
  const bankMatchShare = share('bankMatchShare', options.bankMatchShare, 0.5);
  const until = (options.until ?? DEFAULT_UNTIL).getTime();
  if (!Number.isFinite(until)) throw new SaringError('validation_failed', 'until is not a date.');
  const prefix = options.idPrefix ?? 'backlog-';
  const { clean, gambling } = loadComments();
  const rng = new Prng(seed);
  const gamblingShare = ((1 - cleanShare) * 3) / 5;
  const cleanAccounts = Math.max(50, Math.ceil(items / 25));
  const spamAccounts = Math.max(10, Math.ceil(items / 400));
  const width = String(Math.max(items - 1, 0)).length;
  const start = until - YEAR_MS;

  for (let i = 0; i < items; i++) {
    const roll = rng.next();
    const group: BacklogGroup = roll < cleanShare ? 'clean' : roll < cleanShare + gamblingShare ? 'gambling' : 'scam';
    let k = rng.next();
    let kind: BacklogItem['kind'] = 'comment';
    for (const [name, p] of KINDS[group]) {
      if (k < p) {
        kind = name;
        break;
      }
      k -= p;
    }
    const spam = group !== 'clean';
    const accountNo = spam ? rng.int(spamAccounts) : rng.int(cleanAccounts);
    const account: BacklogItem['account'] = spam
      ? { externalId: `acct-s${accountNo}`, ...(accountNo % 3 === 0 ? { displayName: `${pick(rng, SITES)} ${pick(rng, ['OFFICIAL', 'RESMI', 'CS', 'ADMIN'])}` } : {}) }
      : { externalId: `acct-u${accountNo}`, ...(accountNo % 2 === 0 ? { displayName: `${FIRST[accountNo % FIRST.length]} ${HANDLE[accountNo % HANDLE.length]}` } : {}) };

    let texts: Record<string, string>;
    if (kind === 'comment') {
      let text: string;
      if (group === 'clean') text = pick(rng, clean);
      else if (group === 'gambling') text = rng.next() < 0.8 ? pick(rng, gambling) : fill(rng, pick(rng, GAMBLING_CAPTIONS));
      else text = fill(rng, pick(rng, SCAMS));
      // The same words again and again, as on a real platform, but not byte for byte.
      const r = rng.next();
      if (r < 0.15) text = `@${pick(rng, FIRST).toLowerCase()}${rng.int(1000)} ${text}`;
      else if (r < 0.3) text = `${text} ${pick(rng, EMOJI)}`;
      texts = { comment: text };
    } else if (kind === 'profile') {
      texts = { bio: fill(rng, pick(rng, group === 'clean' ? CLEAN_BIOS : group === 'gambling' ? GAMBLING_BIOS : SCAMS)) };
    } else {
      const caption = fill(rng, pick(rng, group === 'clean' ? CLEAN_CAPTIONS : group === 'gambling' ? GAMBLING_CAPTIONS : SCAMS));
      texts = { caption };
      if (kind === 'video' && rng.next() < 0.5) texts['hashtags'] = group === 'gambling' ? '#slotgacor #maxwin #fyp' : pick(rng, ['#fyp #viral', '#kuliner #resep', '#travel #indonesia', '#fyp']);
    }

    let media: BacklogItem['media'];
    let near = false;
    if ((kind === 'video' || kind === 'image') && rng.next() < hashShare) {
      near = spam && bankSize > 0 && rng.next() < bankMatchShare;
      const hashOf = () => {
        const quality = 70 + rng.int(31);
        return { hash: near ? nearBank(rng, seed, rng.int(bankSize), 1 + rng.int(10)) : hex(randomWords(rng)), quality };
      };
      if (kind === 'image') media = [{ type: 'image', pdq: hashOf() }];
      else {
        const frames = 2 + rng.int(3);
        const nearFrame = rng.int(frames);
        media = [
          {
            type: 'video',
            vpdq: Array.from({ length: frames }, (_, f) => {
              const h = f === nearFrame || !near ? hashOf() : { hash: hex(randomWords(rng)), quality: 70 + rng.int(31) };
              return { frame: f, quality: h.quality, hash: h.hash, timestamp: f };
            }),
          },
        ];
      }
    }

    const createdAt = new Date(start + Math.floor(((i + rng.next()) / Math.max(items, 1)) * YEAR_MS)).toISOString();
    if (counts) {
      counts.items++;
      counts.byGroup[group]++;
      counts.byKind[kind]++;
      if (media) counts.hashed++;
      if (near) counts.nearBank++;
    }
    yield { externalId: `${prefix}${String(i).padStart(width, '0')}`, kind, account, texts, ...(media ? { media } : {}), createdAt };
  }
}

export function emptyCounts(): BacklogCounts {
  return { items: 0, byGroup: { clean: 0, gambling: 0, scam: 0 }, byKind: { video: 0, image: 0, comment: 0, profile: 0 }, hashed: 0, nearBank: 0 };
}

/** The generated bank, one `signal_type,signal_value` CSV line at a time (what `saring bank import` reads). */
export function* generateBankCsv(options: { seed?: number; bankSize?: number }): Generator<string> {
  const seed = count('seed', options.seed, 13, 0xffffffff);
  const bankSize = count('bankSize', options.bankSize, 1_000_000, BACKLOG_LIMITS.maxBankSize);
  yield 'signal_type,signal_value\n';
  for (let j = 0; j < bankSize; j++) yield `pdq,${backlogBankHash(seed, j)}\n`;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([e]) => Promise.reject(e as Error));
  failed.catch(() => {});
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= 1 << 20) {
      if (!out.write(buffer)) await Promise.race([once(out, 'drain'), failed]);
      buffer = '';
    }
  }
  out.end(buffer);
  await Promise.race([once(out, 'finish'), failed]);
}

/** Writes the backlog as JSONL to `path` (and the bank CSV to `bankPath`), streamed; returns the counts. */
export async function writeBacklog(path: string, options: BacklogOptions, bankPath?: string): Promise<BacklogCounts> {
  const counts = emptyCounts();
  await writeLines(path, (function* () {
    for (const item of generateBacklog(options, counts)) yield JSON.stringify(item) + '\n';
  })());
  if (bankPath) await writeLines(bankPath, generateBankCsv(options));
  return counts;
}
