import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { ZipReader, writeZip } from '../shared/zip.js';
import { readXlsxRows } from '../shared/xlsx.js';
import { BACKENDS, testApp } from '../test-support/storage.js';
import { IMPORT_LIMITS, issuedAtOf, parseOrderFile, targetKindOf, XLSX_MIME } from './import.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'orders');
const HOUR = 3_600_000;
const MIB = 1024 * 1024;
const BASIS = 'UU ITE Pasal 27 ayat (2); Permenkominfo 5/2020 Pasal 14';

type Cell = string | number | boolean | null;
const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An XLSX workbook as Excel writes one: strings in the shared-string table, a second sheet that is not read. */
function xlsxOf(rows: Cell[][]): Buffer {
  const shared: string[] = [];
  const sheetRows = rows
    .map((cells, r) => {
      const xml = cells
        .map((v, c) => {
          const ref = `${column(c)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
          shared.push(v);
          return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="Perintah" sheetId="1" r:id="rId7"/><sheet name="Lain" sheetId="2" r:id="rId8"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="ws" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="ws" Target="worksheets/sheet2.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not the first sheet</t></is></c></row></sheetData></worksheet>` },
    { name: 'xl/worksheets/sheet2.xml', data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetRows}</sheetData></worksheet>` },
    { name: 'xl/sharedStrings.xml', data: `<sst ${ns} count="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>` },
  ]);
}

/** A ZIP whose only entry is `size` bytes of spaces, its header claiming `declared` bytes. */
function bomb(size: number, declared: number): Buffer {
  const zip = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(size, 0x20) }]);
  zip.writeUInt32LE(declared, 22); // the local header's size
  const eocd = zip.length - 22;
  zip.writeUInt32LE(declared, zip.readUInt32LE(eocd + 16) + 24); // the central directory's
  return zip;
}

const csvOf = (rows: string[][], eol = '\r\n') => rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join(eol) + eol;
const HEADER = ['order_number', 'category', 'urgent', 'legal_basis', 'legal_analysis', 'issued_at', 'target'];

/** What parseOrderFile throws, as the API would show it. */
function problemsOf(bytes: Uint8Array | string, format?: 'csv' | 'xlsx') {
  try {
    parseOrderFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, format);
  } catch (err) {
    const e = err as { code: string; message: string; details?: { rows: { row: number; column?: string; code: string; message: string }[]; more?: number } };
    return { code: e.code, message: e.message, rows: e.details?.rows ?? [], more: e.details?.more };
  }
  throw new Error('parsed without problems');
}

describe('order files: reading and checking', () => {
  it('tells targets apart: http(s) a URL, a uuid a content id, anything else the platform’s id', () => {
    expect(targetKindOf('https://x.example/v/1')).toBe('url');
    expect(targetKindOf('HTTP://x.example')).toBe('url');
    expect(targetKindOf('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe('contentId');
    expect(targetKindOf('vid-123')).toBe('externalId');
    expect(targetKindOf('ftp://x.example/1')).toBe('url'); // and its check refuses it: http or https only
    expect(targetKindOf('www.example.com/v/1')).toBe('externalId');
  });

  it('reads dates as Jakarta time unless they carry a zone; Excel date numbers too', () => {
    const s = (text: string) => issuedAtOf({ text, type: 'string' });
    expect(s('2026-11-20')).toBe('2026-11-20T00:00:00+07:00');
    expect(s('20/11/2026 10:30')).toBe('2026-11-20T10:30:00+07:00');
    expect(s('2026-11-20T10:30:00Z')).toBe('2026-11-20T10:30:00Z');
    expect(s('2026-11-20T10:30:00+08:00')).toBe('2026-11-20T10:30:00+08:00');
    expect(s('31/02/2026')).toBeUndefined();
    expect(s('kemarin')).toBeUndefined();
    expect(issuedAtOf({ text: '46346.4375', type: 'number' })).toBe('2026-11-20T10:30:00+07:00');
    expect(issuedAtOf({ text: '46346', type: 'number' })).toBe('2026-11-20T00:00:00+07:00');
  });

  it('reads CSV with a BOM, CRLF, quoted fields, semicolons and Indonesian headers', () => {
    const csv = '\uFEFFNomor Surat;KATEGORI; Dasar Hukum ;Analisis Hukum;Mendesak;Tautan\r\n"B-1/2026";judi online;"UU ITE; Pasal 27";"baris satu\r\nbaris ""dua""";ya;https://p.example/v/1\r\n\r\nB-1/2026;;;;;vid-2\r\n';
    const { format, orders } = parseOrderFile(Buffer.from(csv));
    expect(format).toBe('csv');
    expect(orders).toEqual([
      {
        input: { orderNumber: 'B-1/2026', category: 'gambling', legalBasis: 'UU ITE; Pasal 27', legalAnalysis: 'baris satu\r\nbaris "dua"', urgent: true, targets: [{ url: 'https://p.example/v/1' }, { externalId: 'vid-2' }] },
        rows: [2, 4], // the blank line is row 3, as a spreadsheet shows it
      },
    ]);
  });

  it('reads the first sheet of an XLSX written by openpyxl: inline strings, booleans, Excel dates; other sheets and columns ignored', () => {
    const { format, orders } = parseOrderFile(readFileSync(join(FIXTURES, 'saman-batch.xlsx')));
    expect(format).toBe('xlsx');
    expect(orders.map((o) => o.input)).toEqual([
      {
        orderNumber: 'B-2001/KOMINFO/2026',
        category: 'gambling',
        urgent: false,
        legalBasis: 'UU ITE Pasal 27 ayat (2)',
        legalAnalysis: 'Promosi situs judi daring.',
        issuedAt: '2026-11-20T10:30:00+07:00',
        targets: [{ externalId: 'saman-1' }, { url: 'https://platform.example/v/saman-2' }, { externalId: 'saman-missing' }],
      },
      { orderNumber: 'B-2002/KOMINFO/2026', category: 'terrorism', urgent: true, legalBasis: 'UU 5/2018 tentang Terorisme', issuedAt: '2026-11-21T00:00:00+07:00', targets: [{ externalId: 'saman-3' }] },
    ]);
    expect(orders.map((o) => o.rows)).toEqual([[2, 3, 4], [5]]);
  });

  it('reads the sheet the workbook names first, with shared strings, numbers and escapes', () => {
    const rows = readXlsxRows(
      xlsxOf([
        ['a & b', 12.5, true],
        [null, '<x>', 'ö'],
      ]),
      { ...IMPORT_LIMITS },
      { corrupt: 'invalid_order_file', tooLarge: 'order_file_too_large' },
    );
    expect(rows).toEqual([
      { row: 1, cells: [{ text: 'a & b', type: 'string' }, { text: '12.5', type: 'number' }, { text: 'TRUE', type: 'boolean' }] },
      { row: 2, cells: [undefined, { text: '<x>', type: 'string' }, { text: 'ö', type: 'string' }] },
    ]);
  });

  it('lists every problem with its row and column, and takes nothing', () => {
    const future = new Date(Date.now() + 48 * HOUR).toISOString();
    const csv = csvOf([
      HEADER,
      ['A-1', 'gambling', 'no', BASIS, '', '', 'https://p.example/1'], // 2
      ['A-1', 'porn', '', '', '', '', 'ftp://p.example/2'], // 3: conflicting category, a target that is not http
      ['A-1', '', '', '', '', '', 'https://p.example/1'], // 4: duplicate of row 2
      ['A-2', 'sabung ayam', 'maybe', BASIS, '', future, 'x'], // 5: unknown category, urgent not yes/no, issued in the future
      ['', 'gambling', '', BASIS, '', '', 'y'], // 6: no order number
      ['A-3', 'gambling', '', BASIS, '', 'besok', ''], // 7: not a date, no target
      ['A-4', 'gambling', '', BASIS, '', '', '3f2504e0-4f89-41d3-9a0c-0305e82c3301'], // 8
      ['A-4', 'gambling', '', BASIS, '', '', '3F2504E0-4F89-41D3-9A0C-0305E82C3301'], // 9: the same uuid in capitals
      ['A-5', 'gambling', '', '', '', '', 'z'], // 10: no legal basis
      ['A-6', 'gambling', '', BASIS, '', '', 'q'], // 11
      ['A-6', 'gambling', '', BASIS, '', '', 'q2'], // 12
    ]).replace('q2', 'q2,extra');
    const p = problemsOf(csv);
    expect(p.code).toBe('invalid_orders');
    expect(p.rows.map((r) => [r.row, r.column, r.code])).toEqual([
      [3, 'category', 'conflicting_rows'],
      [3, 'target', 'invalid_target'],
      [4, 'target', 'duplicate_target'],
      [5, 'urgent', 'validation_failed'],
      [5, 'category', 'unknown_category'],
      [5, 'issued_at', 'time_in_future'],
      [6, 'order_number', 'validation_failed'],
      [7, 'issued_at', 'validation_failed'],
      [7, 'target', 'invalid_target'],
      [9, 'target', 'duplicate_target'],
      [10, 'legal_basis', 'validation_failed'],
    ]);
    expect(p.message).toMatch(/^The order file has 11 problems; nothing was imported\. Row 3 \(category\)/);
    expect(p.rows[0]!.message).toBe('Order A-1: row 3 gives category "porn", row 2 gave "gambling" (an order\'s rows give the same category, or leave it empty).');
    expect(p.rows[2]!.message).toBe('Order A-1 names https://p.example/1 twice: rows 2 and 4.');
  });

  it('names missing and doubled columns', () => {
    const p = problemsOf('nomor_surat,url,tautan\nA-1,x,y\n');
    expect(p.code).toBe('invalid_orders');
    expect(p.rows.map((r) => [r.row, r.column, r.code])).toEqual([
      [1, 'tautan', 'duplicate_column'],
      [1, undefined, 'missing_column'],
      [1, undefined, 'missing_column'],
    ]);
    expect(p.rows[1]!.message).toBe('No category column (one of: category, kategori).');
  });

  it('refuses an order of more than 10,000 targets, naming where it went over', () => {
    const rows = [['order_number', 'category', 'legal_basis', 'target']];
    for (let i = 0; i < 10_001; i++) rows.push(['BIG-1', 'gambling', BASIS, `vid-${i}`]);
    const p = problemsOf(csvOf(rows));
    expect(p.rows).toEqual([{ row: 10_002, column: 'target', code: 'too_many_targets', message: 'Order BIG-1 has more than 10000 targets (from row 2): split it into orders of at most 10000.' }]);
  });

  it('lists at most 100 problems, and says how many more', () => {
    const rows = [['order_number', 'category', 'legal_basis', 'target']];
    for (let i = 0; i < 150; i++) rows.push([`N-${i}`, 'nope', BASIS, `vid-${i}`]);
    const p = problemsOf(csvOf(rows));
    expect(p.rows.length).toBe(100);
    expect(p.more).toBe(50);
    expect(p.message).toMatch(/has 150 problems/);
  });

  it('refuses files it cannot read: invalid UTF-8 (naming the line), an open quote, a truncated or corrupt ZIP, an old .xls, an XLSX without a sheet', () => {
    const latin1 = Buffer.concat([Buffer.from('order_number,category,legal_basis,target\nA,gambling,x,y\nA,gambling,'), Buffer.from([0x50, 0x61, 0x73, 0x61, 0x6c, 0xe9]), Buffer.from(',z\n')]);
    expect(problemsOf(latin1)).toMatchObject({ code: 'invalid_utf8', message: 'The CSV file is not UTF-8 (line 3): save it as "CSV UTF-8".' });
    expect(problemsOf('order_number,category,legal_basis,target\nA,gambling,"x,y\n')).toMatchObject({ code: 'invalid_order_file', message: 'The CSV file is malformed: CSV ends inside a quoted field.' });
    const good = xlsxOf([HEADER, ['A', 'gambling', '', BASIS, '', '', 'x']]);
    expect(parseOrderFile(good).orders).toHaveLength(1);
    expect(problemsOf(good.subarray(0, good.length - 40))).toMatchObject({ code: 'invalid_order_file', message: expect.stringMatching(/not a readable ZIP \(XLSX\) file: no end of central directory/) });
    expect(problemsOf(good.subarray(0, 300))).toMatchObject({ code: 'invalid_order_file' });
    const flipped = Buffer.from(good);
    flipped[200] = flipped[200]! ^ 0xff; // inside a deflated entry
    expect(problemsOf(flipped)).toMatchObject({ code: 'invalid_order_file' });
    expect(problemsOf(Buffer.from('order_number\n'), 'xlsx')).toMatchObject({ code: 'invalid_order_file' });
    expect(problemsOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({ code: 'invalid_order_file', message: expect.stringMatching(/\.xls/) });
    expect(problemsOf(writeZip([{ name: 'hello.txt', data: 'hi' }]))).toMatchObject({ code: 'invalid_order_file', message: expect.stringMatching(/no worksheet/) });
    expect(problemsOf(Buffer.from('\n\n'))).toMatchObject({ code: 'invalid_order_file', message: expect.stringMatching(/no rows/) });
    expect(problemsOf(Buffer.from('a,\u0000b\n'))).toMatchObject({ code: 'invalid_character' });
  });

  it('refuses a decompression bomb, whether its header says so or lies, before inflating past the limit', () => {
    const over = IMPORT_LIMITS.maxEntryBytes + MIB;
    const honest = bomb(over, over);
    expect(honest.length).toBeLessThan(IMPORT_LIMITS.maxFileBytes);
    expect(problemsOf(honest)).toMatchObject({ code: 'order_file_too_large', message: expect.stringMatching(/inflates past 67108864 bytes/) });
    const liar = bomb(over, 1000);
    const started = performance.now();
    expect(problemsOf(liar)).toMatchObject({ code: 'order_file_too_large', message: expect.stringMatching(/decompression bomb/) });
    expect(performance.now() - started).toBeLessThan(5000);
    // All entries together have a budget too.
    const zip = new ZipReader(writeZip([{ name: 'a', data: Buffer.alloc(600) }, { name: 'b', data: Buffer.alloc(600) }]), { maxEntryBytes: 1000, maxTotalBytes: 1000, maxEntries: 10 }, { corrupt: 'invalid_order_file', tooLarge: 'order_file_too_large' });
    expect(zip.read('a')!.length).toBe(600);
    expect(() => zip.read('b')).toThrow(/1000 bytes in all/);
  });

  it('refuses a file over 20 MiB and over 100,000 rows', () => {
    expect(problemsOf(Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x61))).toMatchObject({ code: 'order_file_too_large' });
    const rows = ['order_number,category,legal_basis,target'];
    for (let i = 0; i <= IMPORT_LIMITS.maxRows; i++) rows.push(`R-${i},gambling,x,v${i}`);
    expect(problemsOf(rows.join('\n'))).toMatchObject({ code: 'order_file_too_large', message: expect.stringMatching(/100001 rows/) });
  });
});

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`order file import on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<'komdigi' | 'polri' | 'noOrg' | 'mod' | 'senior', string>;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      keys.komdigi = (await saring.users.create({ name: 'Officer A', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      keys.polri = (await saring.users.create({ name: 'Officer B', role: 'regulator', org: 'polri' }, 'test')).apiKey;
      keys.noOrg = (await saring.users.create({ name: 'No organisation', role: 'regulator' }, 'test')).apiKey;
      keys.mod = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.senior = (await saring.users.create({ name: 'Rina', role: 'senior_moderator' }, 'test')).apiKey;
      for (const id of ['saman-1', 'saman-3', 'imp-1', 'imp-2']) await saring.content.submit({ externalId: id, kind: 'video', texts: { caption: 'video masak nasi goreng' } }, 'test');
      await saring.content.submit({ externalId: 'saman-2', kind: 'video', texts: { caption: 'resep' }, metadata: { url: 'https://platform.example/v/saman-2' } }, 'test');
    });
    afterAll(() => close?.());

    const upload = (body: Buffer | string, type: string, who: keyof typeof keys = 'komdigi', query = '') =>
      app.inject({ method: 'POST', url: `/v1/regulator/orders/import${query}`, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': type }, payload: body });
    const stored = async () => {
      const n = async (table: 'regulator_orders' | 'regulator_order_targets' | 'review_cases' | 'audit_log' | 'mail_outbox' | 'webhook_deliveries') =>
        Number((await saring.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const jobs = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job`.execute(saring.db)).rows[0]!.n);
      return { orders: await n('regulator_orders'), targets: await n('regulator_order_targets'), cases: await n('review_cases'), audit: await n('audit_log'), mail: await n('mail_outbox'), hooks: await n('webhook_deliveries'), jobs };
    };

    it('imports a CSV as the sender’s organisation: each order stored with its clock and targets, and again changes nothing', async () => {
      const csv = csvOf([
        HEADER,
        ['K-100/2026', 'gambling', 'tidak', BASIS, 'Promosi judi, "slot".', '2026-11-30', 'imp-1'],
        ['K-100/2026', 'gambling', 'tidak', BASIS, 'Promosi judi, "slot".', '2026-11-30', 'https://nowhere.example/x'],
        ['K-101/2026', 'csam', '', BASIS, '', '', 'imp-2'],
      ]);
      const res = await upload(csv, 'text/csv; charset=utf-8');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.format).toBe('csv');
      expect(body.orders).toMatchObject([
        { orderNumber: 'K-100/2026', status: 'created', rows: { first: 2, last: 3 }, counts: { pending: 1, not_found: 1 } },
        { orderNumber: 'K-101/2026', status: 'created', rows: { first: 4, last: 4 }, counts: { pending: 1 } },
      ]);
      expect(body.totals).toMatchObject({ orders: 2, created: 2, existing: 0, targets: 3, counts: { pending: 2, taken_down: 0, already_removed: 0, not_found: 1, clarified: 0 } });
      const [standard, urgent] = body.orders;
      expect(new Date(standard.dueAt).getTime() - new Date(standard.receivedAt).getTime()).toBe(24 * HOUR);
      expect(new Date(urgent.dueAt).getTime() - new Date(urgent.receivedAt).getTime()).toBe(4 * HOUR); // csam: 4 hours

      const order = (await app.inject({ url: `/v1/regulator/orders/${standard.id}`, headers: { authorization: `Bearer ${keys.komdigi}` } })).json();
      expect(order).toMatchObject({ organisation: 'komdigi', legalAnalysis: 'Promosi judi, "slot".', issuedAt: '2026-11-29T17:00:00.000Z', urgent: false });
      expect(order.targets.map((t: { kind: string; value: string }) => [t.kind, t.value])).toEqual([
        ['externalId', 'imp-1'],
        ['url', 'https://nowhere.example/x'],
      ]);
      // Another organisation does not see them.
      expect((await app.inject({ url: `/v1/regulator/orders/${standard.id}`, headers: { authorization: `Bearer ${keys.polri}` } })).statusCode).toBe(404);
      const audit = await saring.db.selectFrom('audit_log').select(['actor', 'data']).where('action', '=', 'order.imported').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.data).toMatchObject({ format: 'csv', sha256: body.sha256, orders: 2, created: 2, existing: 0, targets: 3 });

      // The same file again: the same orders, reported existing; nothing new stored but the audit line.
      const before = await stored();
      const again = await upload(csv, 'text/csv');
      expect(again.statusCode).toBe(200);
      expect(again.json().orders.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual(body.orders.map((o: { id: string }) => [o.id, 'existing']));
      expect(again.json().totals).toMatchObject({ created: 0, existing: 2 });
      expect(await stored()).toEqual({ ...before, audit: before.audit + 1 });

      // The same order numbers from another organisation are other orders.
      const polri = await upload(csv, 'text/csv', 'polri');
      expect(polri.json().totals).toMatchObject({ created: 2, existing: 0 });
      expect(polri.json().orders[0].id).not.toBe(standard.id);
    });

    it('imports an XLSX (openpyxl, Indonesian headers, an Excel date) sent as XLSX or as bytes of no particular type', async () => {
      const file = readFileSync(join(FIXTURES, 'saman-batch.xlsx'));
      const res = await upload(file, XLSX_MIME);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.format).toBe('xlsx');
      expect(body.orders).toMatchObject([
        { orderNumber: 'B-2001/KOMINFO/2026', status: 'created', rows: { first: 2, last: 4 }, counts: { pending: 2, not_found: 1 } },
        { orderNumber: 'B-2002/KOMINFO/2026', status: 'created', rows: { first: 5, last: 5 }, counts: { pending: 1 } },
      ]);
      const first = (await app.inject({ url: `/v1/regulator/orders/${body.orders[0].id}`, headers: { authorization: `Bearer ${keys.komdigi}` } })).json();
      expect(first).toMatchObject({ category: 'gambling', issuedAt: '2026-11-20T03:30:00.000Z', legalAnalysis: 'Promosi situs judi daring.' });
      const second = body.orders[1];
      expect(new Date(second.dueAt).getTime() - new Date(second.receivedAt).getTime()).toBe(4 * HOUR);
      // octet-stream: the bytes say XLSX.
      const again = await upload(file, 'application/octet-stream');
      expect(again.json()).toMatchObject({ format: 'xlsx', totals: { created: 0, existing: 2 } });
    });

    it('imports an XLSX with shared strings and a semicolon CSV in Indonesian', async () => {
      const xlsx = xlsxOf([
        ['Nomor Surat', 'Kategori', 'Dasar Hukum', 'Mendesak', 'Tautan', 'Jenis Target'],
        ['X-1', 'Pornografi', BASIS, false, 'https://platform.example/v/x1', null],
        ['X-1', 'Pornografi', BASIS, false, 'saman-3', 'externalId'],
        ['X-2', 'hoax', BASIS, true, '46346', 'external_id'],
      ]);
      const res = await upload(xlsx, XLSX_MIME);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().orders).toMatchObject([
        { orderNumber: 'X-1', status: 'created', counts: { not_found: 1, pending: 1 } },
        { orderNumber: 'X-2', status: 'created', counts: { not_found: 1 } },
      ]);
      const csv = 'nomor_surat;kategori;dasar_hukum;url\r\nS-1;narkoba;"UU 35/2009; Pasal 114";saman-1\r\n';
      const semi = await upload(csv, 'application/vnd.ms-excel');
      expect(semi.statusCode, semi.body).toBe(200);
      expect(semi.json().orders).toMatchObject([{ orderNumber: 'S-1', status: 'created', counts: { pending: 1 } }]);
    });

    it('takes a file past the JSON body limit (1 MiB)', async () => {
      const rows = [['nomor_surat', 'kategori', 'dasar_hukum', 'tautan']];
      for (let i = 0; i < 4_000; i++) rows.push(['BIG-2026', 'gambling', BASIS, `https://platform.example/v/${'x'.repeat(300)}-${i}`]);
      const csv = csvOf(rows);
      expect(csv.length).toBeGreaterThan(saring.config.http.bodyLimitBytes);
      const res = await upload(csv, 'text/csv');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json().orders).toMatchObject([{ orderNumber: 'BIG-2026', status: 'created', rows: { first: 2, last: 4_001 }, counts: { not_found: 4_000 } }]);
    });

    it('stores nothing when any row is wrong, and answers 422 with every problem’s row', async () => {
      const before = await stored();
      const csv = csvOf([
        HEADER,
        ['OK-1', 'gambling', '', BASIS, '', '', 'imp-1'], // a good order: not stored either
        ['BAD-1', 'unknown', '', BASIS, '', '', 'imp-2'],
        ['BAD-2', 'gambling', '', BASIS, '', '2999-01-01', 'imp-2'],
      ]);
      const res = await upload(csv, 'text/csv');
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'invalid_orders', details: { rows: [{ row: 3, column: 'category', code: 'unknown_category' }, { row: 4, column: 'issued_at', code: 'time_in_future' }] } });
      for (const [body, type, status, code] of [
        [bomb(IMPORT_LIMITS.maxEntryBytes + MIB, 100), XLSX_MIME, 413, 'order_file_too_large'],
        [xlsxOf([HEADER]).subarray(0, 100), XLSX_MIME, 422, 'invalid_order_file'],
        [Buffer.from([0x6f, 0x72, 0x64, 0xff, 0x0a]), 'text/csv', 400, 'invalid_utf8'],
        ['order_number,category\n', 'text/csv', 422, 'invalid_orders'],
        [Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x61), 'text/csv', 413, 'body_too_large'],
      ] as const) {
        const bad = await upload(body, type);
        expect(bad.statusCode, bad.body).toBe(status);
        expect(bad.json().error.code).toBe(code);
        expect(bad.body.length).toBeLessThan(20_000);
      }
      expect((await upload('order_number,category,legal_basis,target\nA,gambling,x,y\n', 'text/csv', 'komdigi', '?format=xlsx')).json().error.code).toBe('invalid_order_file');
      expect(await stored()).toEqual(before);
    });

    it('takes only order files, only from those who may send orders, and only as an organisation', async () => {
      const csv = csvOf([HEADER, ['P-1', 'gambling', '', BASIS, '', '', 'imp-1']]);
      const before = await stored();
      for (const who of ['mod', 'senior'] as const) {
        const res = await upload(csv, 'text/csv', who);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      expect((await upload(csv, 'text/csv', 'noOrg')).json().error.code).toBe('organisation_required');
      const json = await app.inject({ method: 'POST', url: '/v1/regulator/orders/import', headers: { authorization: `Bearer ${keys.komdigi}`, 'content-type': 'application/json' }, payload: '{}' });
      expect(json.statusCode).toBe(415);
      expect(json.json().error.message).toContain('text/csv');
      const none = await app.inject({ method: 'POST', url: '/v1/regulator/orders/import', headers: { authorization: `Bearer ${keys.komdigi}` } });
      expect(none.statusCode).toBe(415);
      expect(await stored()).toEqual(before);
    });
  });
}

describe('saring orders import', () => {
  let dir: string;
  beforeAll(async () => {
    const { templateDataDir } = await import('../test-support/storage.js');
    dir = mkdtempSync(join(tmpdir(), 'saring-import-'));
    await templateDataDir(join(dir, 'data'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const { buildProgram } = await import('../cli/program.js');
    const out: string[] = [];
    const err: string[] = [];
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    process.exitCode = 0;
    // The CLI's own data directory, as a shell user would run it: not the tests' PostgreSQL.
    const url = process.env['DATABASE_URL'];
    delete process.env['DATABASE_URL'];
    try {
      await (await buildProgram(['orders'])).parseAsync(['node', 'saring', 'orders', 'import', ...args, '--data', join(dir, 'data')]);
    } finally {
      if (url !== undefined) process.env['DATABASE_URL'] = url;
      o.mockRestore();
      e.mockRestore();
    }
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('imports a file as an organisation, prints each order and the totals; a bad file prints its problems and exits 1', async () => {
    const file = join(FIXTURES, 'saman-batch.xlsx');
    const first = await cli(file, '--org', 'komdigi');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^created {3}B-2001\/KOMINFO\/2026 {2}[0-9a-f-]{36} {2}due \S+ {2}rows 2–4 {2}pending 0, already removed 0, not found 3\n/);
    expect(first.stdout).toMatch(/2 orders \(2 created, 0 existing\), 4 targets: 0 pending, 0 already removed, 4 not found\.\n$/);
    const again = await cli(file, '--org', 'komdigi', '--json');
    expect(JSON.parse(again.stdout).totals).toMatchObject({ orders: 2, created: 0, existing: 2 });

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, csvOf([HEADER, ['C-1', 'judi', '', BASIS, '', '', 'x'], ['C-1', 'gambling', '', BASIS, '', '', 'x']]));
    const res = await cli(bad, '--org', 'komdigi');
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('nothing was imported');
    expect(res.stderr).toContain('  row 2 (category): Order C-1: unknown category "judi"');
    expect(res.stderr).toContain('  row 3 (category): Order C-1: row 3 gives category "gambling", row 2 gave "judi"');
    expect(res.stderr).toContain('  row 3 (target): Order C-1 names x twice: rows 2 and 3. [duplicate_target]');
    expect(await cli(file, '--org', 'komdigi', '--format', 'xls')).toMatchObject({ code: 1, stderr: 'saring: --format is csv or xlsx, not xls. [validation_failed]\n' });
    const missing = await cli(join(dir, 'nope.csv'), '--org', 'komdigi');
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('No such file') });
  });
});
