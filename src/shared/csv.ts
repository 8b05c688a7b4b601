export interface CsvOptions {
  /** The field separator: `,` (default) or `;` (what Excel writes where the decimal mark is a comma, as in Indonesia). */
  delimiter?: ',' | ';';
  /** Keep an empty line as an empty record (`[]`), so record numbers stay the file's line-per-record numbers. Default: skipped. */
  keepBlankRows?: boolean;
}

/**
 * A small RFC 4180 CSV reader: quoted fields may hold the delimiter, doubled quotes and line
 * breaks; records end with LF or CRLF; a leading BOM is ignored.
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let quoted = false;
  let any = false; // the current record has content (so a trailing newline adds no empty row)
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      const next = text.indexOf('"', i);
      const stop = next < 0 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
      any = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      any = true;
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (any || field.length > 0) {
        row.push(field);
        rows.push(row);
      } else if (options.keepBlankRows) rows.push([]);
      row = [];
      field = '';
      any = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    any = true;
    i++;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (any || field.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A CSV field: quoted when it holds a comma, quote or line break; a text that a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records keyed by the header row. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The delimiter of a CSV file: `;` when its first line (outside quotes) has more semicolons than commas, else `,`. */
export function sniffCsvDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
