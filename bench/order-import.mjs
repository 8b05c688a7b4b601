// Importing an order file of 10,000 targets (one order, the most an order may have): reading and
// checking the file, then storing the order. A share of the targets names stored content (each
// opens a review case); the rest are URLs Saring does not know (`not_found`). CSV and XLSX, on
// PGlite (a fresh in-memory database).
//
//   npm run build && node bench/order-import.mjs [--targets 10000] [--stored 2000]
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { createSaring } = await import(join(root, 'dist', 'engine.js'));
const { loadConfig } = await import(join(root, 'dist', 'config', 'config.js'));
const { importOrders, parseOrderFile } = await import(join(root, 'dist', 'regulator', 'import.js'));
const { writeZip } = await import(join(root, 'dist', 'shared', 'zip.js'));

const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGETS = opt('targets', 10_000);
const STORED = opt('stored', 2_000);

const saring = await createSaring(loadConfig({ dataDir: 'memory://', workers: false, demo: false }, {}), { command: 'bench', warm: false });
const principal = {
  user: { id: 'bench', name: 'bench', login: null, role: 'regulator', org: 'komdigi', createdAt: new Date(0).toISOString(), disabled: false, hasPassword: false, invitePending: false, lastSignInAt: null },
  via: 'key',
  actor: 'bench',
};
try {
  let t = performance.now();
  for (let i = 0; i < STORED; i++) await saring.content.submit({ externalId: `bench-${i}`, kind: 'video', texts: { caption: 'video masak nasi goreng' } }, 'bench');
  console.log(`${STORED} content items stored in ${((performance.now() - t) / 1000).toFixed(1)} s (setup)`);

  const rows = [['nomor_surat', 'kategori', 'dasar_hukum', 'tautan']];
  const target = (i) => (i < STORED ? `bench-${i}` : `https://platform.example/v/unknown-${i}`);
  const csvOf = (number) => [...rows, ...Array.from({ length: TARGETS }, (_, i) => [number, 'gambling', 'UU ITE Pasal 27 ayat (2)', target(i)])].map((r) => r.join(',')).join('\r\n');
  const xlsxOf = (number) => {
    const cell = (v, c, r) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const all = [...rows, ...Array.from({ length: TARGETS }, (_, i) => [number, 'gambling', 'UU ITE Pasal 27 ayat (2)', target(i)])];
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${all.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, c, i + 1)).join('')}</row>`).join('')}</sheetData></worksheet>`;
    return writeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet }]);
  };

  for (const [format, file] of [
    ['csv', Buffer.from(csvOf('BENCH-CSV'))],
    ['xlsx', xlsxOf('BENCH-XLSX')],
  ]) {
    t = performance.now();
    parseOrderFile(file);
    const parsed = performance.now() - t;
    t = performance.now();
    const result = await importOrders(saring, file, {}, principal);
    const total = performance.now() - t;
    const c = result.totals.counts;
    console.log(
      `${format}: ${file.length} bytes, ${TARGETS} targets (${c.pending} pending with a review case, ${c.not_found} not found): read and checked in ${parsed.toFixed(0)} ms; imported in ${(total / 1000).toFixed(2)} s`,
    );
    t = performance.now();
    const again = await importOrders(saring, file, {}, principal);
    console.log(`${format}: the same file again (${again.totals.existing} existing): ${(performance.now() - t).toFixed(0)} ms`);
  }
} finally {
  await saring.close();
}
