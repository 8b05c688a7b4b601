// Quick sweep benchmark (src/sweep/): N items stored directly by SQL (70 % clean comments, gambling
// spam, scams; 30 % with a PDQ hash, 2 % of them banked), then a backtest of the stricter example
// policy and an apply sweep of the active one, on the embedded database (PGlite) in this process.
// Prints items/s for each (processed / (finishedAt - startedAt): the database writes included).
//
//   npm run build && node bench/sweep-quick.mjs [--items 50000] [--bank 10000] [--threads N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const root = join(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 50_000);
const BANK = arg('bank', 10_000);
if (process.argv.includes('--threads')) process.env.SARING_SWEEP_THREADS = String(arg('threads', 1));
const { createSaring } = await import(join(root, 'dist', 'engine.js'));
const { loadConfig } = await import(join(root, 'dist', 'config', 'config.js'));
const { sql } = await import('kysely');

const dir = mkdtempSync(join(tmpdir(), 'saring-sweep-bench-'));
const saring = await createSaring(loadConfig({ dataDir: dir, workers: true, demo: false, jobPollSeconds: 0.5 }, {}), { command: 'bench' });
try {
  const hex = () => randomBytes(32).toString('hex');
  const banked = Array.from({ length: BANK }, hex);
  await saring.banks.create({ name: 'bench', category: 'gambling' }, 'bench');
  for (let i = 0; i < banked.length; i += 5000) {
    await saring.banks.addEntries('bench', banked.slice(i, i + 5000).map((value) => ({ signalType: 'pdq', value, quality: 100 })), 'bench');
  }
  await saring.jobs.drain(['bank-retro-match'], 120_000);
  const clean = ['halo apa kabar semua, videonya bagus banget', 'resep nasi goreng kampung enak', 'jalan-jalan ke Bandung akhir pekan', 'mantap bang lanjutkan kontennya', 'kucing lucu sekali 😂', 'tutorial make up natural untuk pemula', 'lagu ini bikin nostalgia'];
  const spam = ['slot gacor hari ini maxwin', 'daftar situs judi online terpercaya', 'SLOT GACOR maxwin deposit 10rb link di bio', 'togel hari ini bocoran angka jitu'];
  const scam = ['pinjol tanpa jaminan langsung cair', 'investasi bodong profit 100% sehari', 'bagi-bagi hadiah klik link transfer dulu'];
  const t0 = Date.now();
  for (let start = 0; start < ITEMS; start += 5000) {
    const n = Math.min(5000, ITEMS - start);
    const rows = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const r = (i * 7919) % 100;
      const pool = r < 70 ? clean : r < 85 ? spam : scam;
      return { id: `bench-${i}`, text: `${pool[i % pool.length]} ${i}` };
    });
    await sql`INSERT INTO content_items (external_id, kind, texts, media, audience, metadata, fingerprint)
      SELECT e, 'comment', jsonb_build_object('text', t), '[]'::jsonb, 'general', '{}'::jsonb, e
      FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.text)}::text[]) AS x(e, t)`.execute(saring.db);
    const media = rows.filter((_, k) => (start + k) % 10 < 3).map((r, k) => ({ id: r.id, pdq: k % 50 === 0 ? banked[k % banked.length] : hex() }));
    await sql`INSERT INTO content_media_hashes (content_id, media_index, kind, pdq, quality)
      SELECT ci.id, 0, 'image', x.p, 100 FROM unnest(${media.map((m) => m.id)}::text[], ${media.map((m) => m.pdq)}::text[]) AS x(e, p)
      JOIN content_items ci ON ci.external_id = x.e`.execute(saring.db);
  }
  console.log(`stored ${ITEMS.toLocaleString('en-US')} items in ${((Date.now() - t0) / 1000).toFixed(1)} s (bank: ${BANK.toLocaleString('en-US')} PDQ entries)`);

  const run = async (input, label) => {
    const s = await saring.sweeps.create(input, 'bench');
    const done = await saring.sweeps.wait(s.id, { timeoutMs: 3_600_000, intervalMs: 1000 });
    const seconds = (Date.parse(done.finishedAt) - Date.parse(done.startedAt)) / 1000;
    const rate = done.progress.processed / seconds;
    console.log(`${label}: ${done.progress.processed.toLocaleString('en-US')} items in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en-US')} items/s (changed ${done.progress.changed.toLocaleString('en-US')}, acted ${done.progress.acted.toLocaleString('en-US')}; 1M at this rate: ${(1_000_000 / rate / 60).toFixed(1)} min)`);
  };
  const strict = readFileSync(join(root, 'data', 'policies', 'examples', 'indonesia-strict.yaml'), 'utf8');
  await run({ mode: 'backtest', policy: { source: strict } }, 'backtest (stricter candidate)');
  await run({ mode: 'apply' }, 'apply (active policy)      ');
  await run({ mode: 'apply', note: 'second' }, 'apply again (nothing new)  ');
} finally {
  await saring.close();
  rmSync(dir, { recursive: true, force: true });
}
