/**
 * Batch import of orders from a CSV or XLSX file, the way SAMAN-style dashboards export them: one
 * row per target, rows with the same order number one order (docs/regulator.md, "Batch import").
 * The whole file is checked first, every order by the same rules as `POST /v1/regulator/orders`,
 * each problem with its row; with any problem nothing is stored. Then each order is submitted
 * (idempotent by organisation and order number: one already received is reported `existing`).
 */
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { Principal } from '../access/auth.js';
import { appendAudit } from '../audit/log.js';
import { CATEGORIES, CATEGORY_IDS } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import { SaringError, type ErrorCode } from '../errors/errors.js';
import { parseCsv, sniffCsvDelimiter } from '../shared/csv.js';
import { excelSerialParts, readXlsxRows, type XlsxCell } from '../shared/xlsx.js';
import { looksLikeZip } from '../shared/zip.js';
import { MAX_TARGETS, orderSchema, TARGET_STATUSES, type OrderInput, type RegulatorApi, type TargetKind, type TargetStatus } from './regulator.js';
import { isUuid } from '../shared/validate.js';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's limits: its size, what an XLSX may inflate to (one entry, all), its rows (targets). */
export const IMPORT_LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxEntries: 1_000,
  maxRows: 100_000,
} as const;
/** At most this many problems are listed (with how many more there are). */
export const MAX_IMPORT_PROBLEMS = 100;

/** Codes of problems besides the catalogue's own (`unknown_category`, `invalid_target`, …). */
export type ImportProblemCode = ErrorCode | 'missing_column' | 'duplicate_column' | 'conflicting_rows';

export interface ImportProblem {
  /** The row of the file (1: the first, usually the header), as a spreadsheet numbers it. */
  row: number;
  /** The column's header as written in the file. */
  column?: string;
  code: ImportProblemCode;
  message: string;
}

type Field = 'orderNumber' | 'category' | 'urgent' | 'legalBasis' | 'legalAnalysis' | 'letter' | 'issuedAt' | 'target' | 'targetType';

/** Header names per field (compared lower-case, trimmed, spaces and dashes as `_`): English and Indonesian. */
export const IMPORT_COLUMNS: Record<Field, readonly string[]> = {
  orderNumber: ['order_number', 'ordernumber', 'order_no', 'nomor_surat', 'no_surat', 'nomor_perintah'],
  category: ['category', 'kategori'],
  urgent: ['urgent', 'mendesak'],
  legalBasis: ['legal_basis', 'dasar_hukum'],
  legalAnalysis: ['legal_analysis', 'analisis_hukum', 'kajian_hukum'],
  letter: ['letter', 'surat'],
  issuedAt: ['issued_at', 'tanggal_surat', 'tgl_surat', 'tanggal'],
  target: ['target', 'url', 'tautan', 'link'],
  targetType: ['target_type', 'jenis_target'],
};
const REQUIRED: readonly Field[] = ['orderNumber', 'category', 'legalBasis', 'target'];
/** Fields of the order, not of one target: every row of an order that gives one must give the same. */
const ORDER_FIELDS = ['category', 'urgent', 'legalBasis', 'legalAnalysis', 'letter', 'issuedAt'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];

const normaliseHeader = (h: string) =>
  h
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/^_+|_+$/g, '');

const TARGET_TYPES: Record<string, TargetKind> = {
  url: 'url',
  tautan: 'url',
  contentid: 'contentId',
  content_id: 'contentId',
  id_konten: 'contentId',
  externalid: 'externalId',
  external_id: 'externalId',
  id_eksternal: 'externalId',
};

/**
 * What a target cell names: `scheme://…` a URL (only http and https pass its check), a uuid a
 * content id, anything else the platform's id (unless `target_type` says).
 */
export function targetKindOf(value: string): TargetKind {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'url';
  if (isUuid(value)) return 'contentId';
  return 'externalId';
}

/** Categories by id and by their labels (Indonesian and English), lower-case. */
const CATEGORY_NAMES = new Map<string, string>([
  ...CATEGORY_IDS.flatMap((id) => [id, CATEGORIES[id].label.id, CATEGORIES[id].label.en].map((n) => [n.toLowerCase(), id] as [string, string])),
  ['other', 'other'],
  ['lainnya', 'other'],
]);

const TRUE = new Set(['true', 'ya', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'tidak', 'no', 'n', '0']);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Dates without a zone are the sender's: Jakarta time (WIB, +07:00). */
const WIB = '+07:00';
const isoOf = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${WIB}`;

/**
 * A letter's date as ISO 8601: an ISO time with its zone as given; `YYYY-MM-DD[ HH:MM[:SS]]`,
 * `DD/MM/YYYY[ HH:MM[:SS]]` (or with `-`) and Excel date numbers as Jakarta time. Undefined when it is none of them.
 */
export function issuedAtOf(cell: XlsxCell): string | undefined {
  const text = cell.text.trim();
  if (cell.type === 'number') {
    const n = Number(text);
    if (!(n > 0 && n < 2_958_466)) return undefined; // 9999-12-31
    const [y, mo, d, h, mi, s] = excelSerialParts(n);
    return isoOf(y, mo, d, h, mi, s);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text.toUpperCase();
  const m = /^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}))(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = m[1] ? [+m[1], +m[2]!, +m[3]!] : [+m[6]!, +m[5]!, +m[4]!];
  const [h, mi, s] = [+(m[7] ?? 0), +(m[8] ?? 0), +(m[9] ?? 0)];
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return isoOf(y, mo, d, h, mi, s);
}

interface Table {
  format: ImportFormat;
  rows: { row: number; cells: (XlsxCell | undefined)[] }[];
}

const fileError = (message: string) => new SaringError('invalid_order_file', message);
const tooLarge = (message: string) => new SaringError('order_file_too_large', message);

/** The format: as asked, else by the bytes (a ZIP is XLSX; an old binary .xls is refused), else CSV. */
export function formatOf(bytes: Uint8Array, asked?: ImportFormat): ImportFormat {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError('This is an Excel 97–2003 file (.xls), which is not read: save it as XLSX or CSV (UTF-8).');
  }
  return asked ?? (looksLikeZip(bytes) ? 'xlsx' : 'csv');
}

function csvTable(bytes: Uint8Array): Table {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) {
    // Name the line, so the sender can find it.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= buf.length; i++) {
      if (i === buf.length || buf[i] === 0x0a) {
        if (!isUtf8(buf.subarray(start, i))) break;
        line++;
        start = i + 1;
      }
    }
    throw new SaringError('invalid_utf8', `The CSV file is not UTF-8 (line ${line}): save it as "CSV UTF-8".`);
  }
  const text = buf.toString('utf8');
  if (text.includes('\u0000')) throw new SaringError('invalid_character', 'The CSV file contains a NUL character: it is not a text file.');
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: sniffCsvDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), keepBlankRows: true });
  } catch (err) {
    throw fileError(`The CSV file is malformed: ${(err as Error).message}.`);
  }
  if (records.length > IMPORT_LIMITS.maxRows + 1) throw tooLarge(`The file has ${records.length - 1} rows after the header; at most ${IMPORT_LIMITS.maxRows} rows of targets.`);
  return { format: 'csv', rows: records.map((fields, i) => ({ row: i + 1, cells: fields.map((text) => ({ text, type: 'string' as const })) })) };
}

function xlsxTable(bytes: Uint8Array): Table {
  const rows = readXlsxRows(bytes, { ...IMPORT_LIMITS, maxRows: IMPORT_LIMITS.maxRows + 1 }, { corrupt: 'invalid_order_file', tooLarge: 'order_file_too_large' }, 'The XLSX file');
  return { format: 'xlsx', rows };
}

/** One order as the file gives it: the input for `submit`, and where in the file it is. */
export interface FileOrder {
  input: OrderInput;
  /** The rows of its targets, in order. */
  rows: number[];
}

interface Draft {
  orderNumber: string;
  firstRow: number;
  fields: Partial<Record<OrderField, { value: string | boolean; row: number; shown: string }>>;
  targets: { kind: TargetKind; value: string; row: number }[];
  seen: Map<string, number>;
  bad: boolean;
  tooMany: boolean;
}

/**
 * Reads and checks a whole order file. Throws, with nothing done: `order_file_too_large`,
 * `invalid_order_file`, `invalid_utf8` for a file that cannot be read; `invalid_orders` with
 * `details.rows` (each problem's row, column, code, message) for rows that break the rules.
 */
export function parseOrderFile(bytes: Uint8Array, asked?: ImportFormat): { format: ImportFormat; orders: FileOrder[] } {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) throw tooLarge(`The file is ${bytes.length} bytes; at most ${IMPORT_LIMITS.maxFileBytes}.`);
  if (bytes.length === 0) throw new SaringError('empty_body', 'The order file is empty.');
  const format = formatOf(bytes, asked);
  const table = format === 'xlsx' ? xlsxTable(bytes) : csvTable(bytes);
  const blank = (cells: (XlsxCell | undefined)[]) => cells.every((c) => !c || c.text.trim() === '');
  const data = table.rows.filter((r) => !blank(r.cells));
  const header = data.shift();
  if (!header) throw fileError('The file has no rows: the first row names the columns (order_number, category, legal_basis, target, …).');
  if (data.length > IMPORT_LIMITS.maxRows) throw tooLarge(`The file has ${data.length} rows of targets; at most ${IMPORT_LIMITS.maxRows}.`);

  const problems: ImportProblem[] = [];
  let total = 0;
  const problem = (p: ImportProblem) => {
    total++;
    if (problems.length < MAX_IMPORT_PROBLEMS) problems.push({ ...p, message: p.message.slice(0, 500) });
  };

  // The header: which column is which field.
  const columns = new Map<Field, { index: number; name: string }>();
  header.cells.forEach((cell, index) => {
    const name = (cell?.text ?? '').trim();
    const key = normaliseHeader(name);
    const field = (Object.keys(IMPORT_COLUMNS) as Field[]).find((f) => IMPORT_COLUMNS[f].includes(key));
    if (!field) return; // other columns (row numbers, remarks, …) are left alone
    const before = columns.get(field);
    if (before) problem({ row: header.row, column: name, code: 'duplicate_column', message: `Columns "${before.name}" and "${name}" both give ${IMPORT_COLUMNS[field][0]}.` });
    else columns.set(field, { index, name });
  });
  for (const field of REQUIRED) {
    if (!columns.has(field)) {
      problem({ row: header.row, code: 'missing_column', message: `No ${IMPORT_COLUMNS[field][0]} column (one of: ${IMPORT_COLUMNS[field].join(', ')}).` });
    }
  }
  if (total > 0) throw invalid(problems, total);

  const cellOf = (cells: (XlsxCell | undefined)[], field: Field): XlsxCell | undefined => {
    const c = columns.get(field);
    const cell = c ? cells[c.index] : undefined;
    return cell && cell.text.trim() !== '' ? cell : undefined;
  };
  const nameOf = (field: Field) => columns.get(field)?.name ?? IMPORT_COLUMNS[field][0]!;

  const drafts = new Map<string, Draft>();
  for (const { row, cells } of data) {
    const number = cellOf(cells, 'orderNumber')?.text.trim();
    if (!number) {
      problem({ row, column: nameOf('orderNumber'), code: 'validation_failed', message: 'The order number is empty.' });
      continue;
    }
    let draft = drafts.get(number);
    if (!draft) drafts.set(number, (draft = { orderNumber: number, firstRow: row, fields: {}, targets: [], seen: new Map(), bad: false, tooMany: false }));

    // The order's own fields: the same in every row that gives them.
    for (const field of ORDER_FIELDS) {
      const cell = cellOf(cells, field);
      if (!cell) continue;
      const shown = cell.text.trim();
      let value: string | boolean | undefined;
      if (field === 'urgent') {
        const t = shown.toLowerCase();
        value = TRUE.has(t) ? true : FALSE.has(t) ? false : undefined;
        if (value === undefined) problem({ row, column: nameOf(field), code: 'validation_failed', message: `"${shown.slice(0, 40)}" is not yes or no (ya/tidak, true/false, 1/0).` });
      } else if (field === 'issuedAt') {
        value = issuedAtOf(cell);
        if (value === undefined) problem({ row, column: nameOf(field), code: 'validation_failed', message: `"${shown.slice(0, 40)}" is not a date (YYYY-MM-DD, DD/MM/YYYY, with a time if any, or ISO 8601).` });
      } else if (field === 'category') value = CATEGORY_NAMES.get(shown.toLowerCase()) ?? shown;
      else value = shown;
      if (value === undefined) continue;
      const before = draft.fields[field];
      const same = before && (field === 'issuedAt' ? Date.parse(before.value as string) === Date.parse(value as string) : before.value === value);
      if (!before) draft.fields[field] = { value, row, shown };
      else if (!same) {
        problem({
          row,
          column: nameOf(field),
          code: 'conflicting_rows',
          message: `Order ${number}: row ${row} gives ${nameOf(field)} "${shown.slice(0, 80)}", row ${before.row} gave "${before.shown.slice(0, 80)}" (an order's rows give the same ${nameOf(field)}, or leave it empty).`,
        });
      }
    }

    // The row's target.
    const target = cellOf(cells, 'target')?.text.trim();
    if (!target) {
      draft.bad = true;
      problem({ row, column: nameOf('target'), code: 'invalid_target', message: 'The target is empty: a URL (http or https), a content id (uuid) or the platform’s id.' });
      continue;
    }
    const typeText = cellOf(cells, 'targetType')?.text.trim();
    const kind = typeText ? TARGET_TYPES[normaliseHeader(typeText)] : targetKindOf(target);
    if (!kind) {
      draft.bad = true;
      problem({ row, column: nameOf('targetType'), code: 'invalid_target', message: `"${typeText!.slice(0, 40)}" is not a target type: url, contentId or externalId.` });
      continue;
    }
    if (draft.targets.length >= MAX_TARGETS) {
      if (!draft.tooMany) problem({ row, column: nameOf('target'), code: 'too_many_targets', message: `Order ${number} has more than ${MAX_TARGETS} targets (from row ${draft.firstRow}): split it into orders of at most ${MAX_TARGETS}.` });
      draft.tooMany = true;
      continue;
    }
    const checked = TARGET_CHECK.safeParse([{ [kind]: target }]);
    if (!checked.success) {
      draft.bad = true;
      problem({ row, column: nameOf('target'), code: 'invalid_target', message: `"${target.slice(0, 80)}" is not a valid ${kind === 'url' ? 'URL (http or https, at most 2048 characters)' : kind === 'contentId' ? 'content id (a uuid)' : 'platform id (1 to 256 characters)'}.` });
      continue;
    }
    const value = kind === 'contentId' ? target.toLowerCase() : target;
    const key = `${kind}\u0000${value}`;
    const first = draft.seen.get(key);
    if (first !== undefined) {
      draft.bad = true;
      problem({ row, column: nameOf('target'), code: 'duplicate_target', message: `Order ${number} names ${target.slice(0, 80)} twice: rows ${first} and ${row}.` });
      continue;
    }
    draft.seen.set(key, row);
    draft.targets.push({ kind, value, row });
  }

  // Every order by the rules of POST /v1/regulator/orders.
  const orders: FileOrder[] = [];
  for (const draft of drafts.values()) {
    const f = draft.fields;
    const input: Record<string, unknown> = {
      orderNumber: draft.orderNumber,
      category: f.category?.value ?? '',
      legalBasis: f.legalBasis?.value ?? '',
      targets: draft.targets.map((t) => ({ [t.kind]: t.value })),
    };
    if (f.urgent) input['urgent'] = f.urgent.value;
    if (f.legalAnalysis) input['legalAnalysis'] = f.legalAnalysis.value;
    if (f.letter) input['letter'] = f.letter.value;
    if (f.issuedAt) input['issuedAt'] = f.issuedAt.value;
    const result = orderSchema.safeParse(input);
    if (result.success) {
      orders.push({ input: input as OrderInput, rows: draft.targets.map((t) => t.row) });
      continue;
    }
    for (const issue of result.error.issues) {
      const [key, index] = issue.path as [string, number | undefined];
      // Bad targets were each named with their row above.
      if (key === 'targets' && (draft.bad || draft.tooMany || draft.targets.length === 0)) {
        if (draft.targets.length === 0 && !draft.bad) problem({ row: draft.firstRow, column: nameOf('target'), code: 'invalid_target', message: `Order ${draft.orderNumber} has no target.` });
        continue;
      }
      const field = (key === 'targets' ? 'target' : key) as Field;
      const row = key === 'targets' ? (draft.targets[index ?? 0]?.row ?? draft.firstRow) : ((f as Record<string, { row: number } | undefined>)[key]?.row ?? draft.firstRow);
      const code = (issue.code === 'custom' && typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'validation_failed') as ErrorCode;
      const what = key === 'category' && !f.category ? 'The category is empty.' : key === 'legalBasis' && !f.legalBasis ? 'The legal basis is empty.' : issue.message;
      problem({ row, column: columns.has(field) ? nameOf(field) : undefined, code, message: `Order ${draft.orderNumber}: ${what}` });
    }
  }
  if (total > 0) throw invalid(problems, total);
  return { format: table.format, orders };
}

/** One target checked by the orders' own rules. */
const TARGET_CHECK = orderSchema.shape.targets;

function invalid(problems: ImportProblem[], total: number): SaringError {
  problems.sort((a, b) => a.row - b.row);
  const first = problems[0]!;
  return new SaringError(
    'invalid_orders',
    `The order file has ${total} problem${total === 1 ? '' : 's'}; nothing was imported. Row ${first.row}${first.column ? ` (${first.column})` : ''}: ${first.message}`,
    { rows: problems, ...(total > problems.length ? { more: total - problems.length } : {}) },
  );
}

export interface ImportedOrder {
  orderNumber: string;
  id: string;
  /** `existing`: the organisation sent this order number before; the order as stored is reported, nothing new is stored. */
  status: 'created' | 'existing';
  receivedAt: string;
  dueAt: string;
  /** The file's rows of its targets: first and last. */
  rows: { first: number; last: number };
  counts: Record<TargetStatus, number>;
}

export interface ImportResult {
  format: ImportFormat;
  /** The file's SHA-256 (hex), as audited. */
  sha256: string;
  orders: ImportedOrder[];
  totals: { orders: number; created: number; existing: number; targets: number; counts: Record<TargetStatus, number> };
}

/**
 * Imports an order file as the principal's organisation: checks all of it first (nothing is
 * stored when a row is wrong), then submits its orders one by one. Each order is stored whole or
 * not at all; should the import stop half-way (the database goes away), running it again stores
 * the rest and reports the others `existing`.
 */
export async function importOrders(
  deps: { regulator: Pick<RegulatorApi, 'submit'>; db: Db },
  bytes: Uint8Array,
  options: { format?: ImportFormat },
  principal: Principal,
): Promise<ImportResult> {
  if (!principal.user.org) throw new SaringError('organisation_required', 'Orders are sent by a person or key of an organisation: this one has none (saring user add --org ORG).');
  const { format, orders } = parseOrderFile(bytes, options.format);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const results: ImportedOrder[] = [];
  const counts = Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;
  for (const o of orders) {
    const { order, created } = await deps.regulator.submit(o.input, principal);
    results.push({
      orderNumber: order.orderNumber,
      id: order.id,
      status: created ? 'created' : 'existing',
      receivedAt: order.receivedAt,
      dueAt: order.dueAt,
      rows: { first: o.rows[0]!, last: o.rows.at(-1)! },
      counts: order.counts,
    });
    for (const s of TARGET_STATUSES) counts[s] += order.counts[s];
  }
  const created = results.filter((r) => r.status === 'created').length;
  const totals = { orders: results.length, created, existing: results.length - created, targets: TARGET_STATUSES.reduce((n, s) => n + counts[s], 0), counts };
  await appendAudit(deps.db, {
    actor: principal.actor,
    action: 'order.imported',
    subjectType: 'organisation',
    subjectId: principal.user.org,
    data: { format, sha256, bytes: bytes.length, orders: totals.orders, created, existing: totals.existing, targets: totals.targets, orderIds: results.filter((r) => r.status === 'created').map((r) => r.id) },
  });
  return { format, sha256, orders: results, totals };
}
