/**
 * Reads the first worksheet of an XLSX file (Office Open XML) as rows of cells: shared and inline
 * strings, numbers, booleans, formula results as cached, ISO dates (`t="d"`). Enough for the tables
 * dashboards export; formatting, formulas and other sheets are ignored. Bounded by the ZIP
 * reader's limits, plus a row limit.
 */
import { SaringError } from '../errors/errors.js';
import { ZipReader, type ZipErrors, type ZipLimits } from './zip.js';

export interface XlsxCell {
  /** The cell's text: a string as written, a number in JavaScript's notation, a boolean as `TRUE` / `FALSE`. */
  text: string;
  /** `number` for numeric cells (an Excel date is one: a serial number of days). */
  type: 'string' | 'number' | 'boolean' | 'date' | 'error';
}

export interface XlsxRow {
  /** The row's number in the sheet (1 for the first). */
  row: number;
  /** Cells by column (0 for A); columns without a cell are undefined. */
  cells: (XlsxCell | undefined)[];
}

export interface XlsxLimits extends ZipLimits {
  /** Most rows (with any cell) read from the sheet. */
  maxRows: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references decoded. */
export function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** `_x000D_`-style escapes Excel writes for control characters. */
const unescapeOoxml = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? xmlText(m[1] ?? m[2] ?? '') : undefined;
};

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs, phonetic hints (`<rPh>`) left out. */
function runText(xml: string): string {
  const plain = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1]!;
  return unescapeOoxml(xmlText(out));
}

/** Column index of a cell reference (`B7` → 1). */
function columnOf(ref: string): number | undefined {
  const m = /^([A-Z]{1,3})\d*$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Where the workbook's first sheet is (by the workbook's order), else `xl/worksheets/sheet1.xml`. */
function firstSheetPath(zip: ZipReader): string {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = zip.read('xl/workbook.xml')?.toString('utf8');
  const rels = zip.read('xl/_rels/workbook.xml.rels')?.toString('utf8');
  if (!workbook || !rels) return fallback;
  const sheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(workbook);
  const rid = sheet ? /\br:id\s*=\s*"([^"]*)"/.exec(sheet[1]!)?.[1] ?? /\b\w+:id\s*=\s*"([^"]*)"/.exec(sheet[1]!)?.[1] : undefined;
  if (!rid) return fallback;
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    if (attr(m[1]!, 'Id') !== rid) continue;
    const target = attr(m[1]!, 'Target');
    if (!target) break;
    // Relative to xl/, or absolute within the package.
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return path.split('/').reduce<string[]>((parts, p) => (p === '..' ? parts.slice(0, -1) : p === '.' ? parts : [...parts, p]), []).join('/');
  }
  return fallback;
}

/**
 * The first worksheet's rows, in order, each with its sheet row number. Throws `errors.corrupt`
 * for a file that is not an XLSX workbook, `errors.tooLarge` past a limit.
 */
export function readXlsxRows(bytes: Uint8Array, limits: XlsxLimits, errors: ZipErrors, label = 'The file'): XlsxRow[] {
  const zip = new ZipReader(bytes, limits, errors, label);
  const path = firstSheetPath(zip);
  const sheet = zip.read(path);
  if (!sheet) throw new SaringError(errors.corrupt, `${label} is not an XLSX workbook: it has no worksheet (${path}).`);
  const shared: string[] = [];
  const sst = zip.read('xl/sharedStrings.xml')?.toString('utf8');
  if (sst) for (const m of sst.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g)) shared.push(m[1] === undefined ? '' : runText(m[1]));

  const xml = sheet.toString('utf8');
  const rows: XlsxRow[] = [];
  let next = 1;
  for (const r of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const number = Number(attr(r[1]!, 'r') ?? next);
    if (!Number.isSafeInteger(number) || number < 1) throw new SaringError(errors.corrupt, `${label}: a row has the number ${attr(r[1]!, 'r')}.`);
    next = number + 1;
    const cells: (XlsxCell | undefined)[] = [];
    let column = 0;
    for (const c of (r[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attr(c[1]!, 'r');
      const at = ref !== undefined ? columnOf(ref) : column;
      if (at === undefined || at > 16_383) throw new SaringError(errors.corrupt, `${label}: a cell has the reference ${ref}.`);
      column = at + 1;
      const body = c[2] ?? '';
      const t = attr(c[1]!, 't') ?? 'n';
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      let cell: XlsxCell | undefined;
      if (t === 'inlineStr') {
        const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1];
        cell = { text: is === undefined ? '' : runText(is), type: 'string' };
      } else if (v === undefined) cell = undefined;
      else if (t === 's') {
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= shared.length) throw new SaringError(errors.corrupt, `${label}: cell ${ref ?? ''} names shared string ${v}, which does not exist.`);
        cell = { text: shared[i]!, type: 'string' };
      } else if (t === 'str') cell = { text: unescapeOoxml(xmlText(v)), type: 'string' };
      else if (t === 'b') cell = { text: v.trim() === '1' ? 'TRUE' : 'FALSE', type: 'boolean' };
      else if (t === 'd') cell = { text: xmlText(v).trim(), type: 'date' };
      else if (t === 'e') cell = { text: xmlText(v).trim(), type: 'error' };
      else {
        const n = Number(v.trim());
        if (v.trim() === '' || !Number.isFinite(n)) throw new SaringError(errors.corrupt, `${label}: cell ${ref ?? ''} holds ${JSON.stringify(v.slice(0, 40))}, not a number.`);
        cell = { text: String(n), type: 'number' };
      }
      cells[at] = cell;
    }
    if (cells.length === 0) continue;
    rows.push({ row: number, cells });
    if (rows.length > limits.maxRows) throw new SaringError(errors.tooLarge, `${label} has more than ${limits.maxRows} rows.`);
  }
  return rows;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * An Excel date serial number (days since 1899-12-30 in the 1900 system; fractions are the time
 * of day) as the wall-clock time it shows: `[year, month, day, hours, minutes, seconds]`.
 */
export function excelSerialParts(serial: number): [number, number, number, number, number, number] {
  const ms = Math.round(serial * 86_400_000);
  const d = new Date(EXCEL_EPOCH + ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
}
